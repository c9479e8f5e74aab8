package com.salesai.schema.fathom;

import com.salesai.schema.fathom.NormalizationResult.Normalized;
import com.salesai.schema.fathom.NormalizationResult.Rejected;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test payloads from {@code src/test/resources/fathom} and shortcuts for the two outcomes. */
final class Payloads {

    static final FathomPayloadNormalizer NORMALIZER = new FathomPayloadNormalizer();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    static String resource(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/fathom/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<NormalizedCall> calls(String body) {
        NormalizationResult result = NORMALIZER.normalize(body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(Normalized.class);
        return ((Normalized) result).calls();
    }

    static NormalizedCall call(String body) {
        List<NormalizedCall> calls = calls(body);
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    static String rejection(byte[] body) {
        NormalizationResult result = NORMALIZER.normalize(body);
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).reason();
    }

    static String rejection(String body) {
        return rejection(body.getBytes(StandardCharsets.UTF_8));
    }
}
