package com.salesai.ingest.webhook;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBodyTest {

    @Test
    void bodyAtTheLimitIsReadWhole() throws IOException {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
    }

    @Test
    void readingStopsOneByteOverTheLimit() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[100_000]);

        assertThat(BoundedBody.read(in, 100)).isNull();
        assertThat(in.available()).isEqualTo(100_000 - 101);
    }
}
