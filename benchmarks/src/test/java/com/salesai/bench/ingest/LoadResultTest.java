package com.salesai.bench.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoadResultTest {

    @Test
    void meanAndPercentilesOfTheSuccessfulRequests() {
        LoadResult result = LoadResult.of(new long[]{40_000_000, 10_000_000, 20_000_000, 30_000_000}, Map.of(),
                Duration.ofSeconds(2), null);

        assertThat(result.meanMillis()).isEqualTo(25.0);
        assertThat(result.percentileMillis(50)).isEqualTo(20.0);
        assertThat(result.percentileMillis(99)).isEqualTo(40.0);
        assertThat(result.requestsPerSecond()).isEqualTo(2.0);
        assertThat(LoadResult.of(new long[0], Map.of(), Duration.ofSeconds(1), null).meanMillis()).isNaN();
    }
}
