package com.salesai.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiChecksTest {
    private static final String SERVED = """
            {"openapi":"3.1.0","servers":[{"url":"http://localhost:54321"}],
             "paths":{"/b":{"get":{"operationId":"getB"}},"/a":{"get":{"operationId":"getA","tags":["z","y"]}}}}""";

    @TempDir
    Path folder;

    @Test
    void theDocumentIsSortedPrettyPrintedAndWithoutItsServer() {
        String normalized = OpenApiChecks.normalize(SERVED);

        assertThat(normalized).doesNotContain("servers", "54321").endsWith("}\n").contains("\n  \"openapi\"");
        assertThat(normalized.indexOf("\"/a\"")).isLessThan(normalized.indexOf("\"/b\""));
        assertThat(normalized.indexOf("\"openapi\"")).isLessThan(normalized.indexOf("\"paths\""));
        assertThat(normalized.indexOf("\"z\"")).as("arrays keep their order").isLessThan(normalized.indexOf("\"y\""));
        assertThat(OpenApiChecks.normalize(SERVED.replace("54321", "60000"))).isEqualTo(normalized);
    }

    @Test
    void writesTheFileThenAcceptsTheSameDocument() throws Exception {
        Path file = folder.resolve("docs/api/some-service.json");

        OpenApiChecks.assertMatches(SERVED, file, true);

        assertThat(Files.readString(file)).isEqualTo(OpenApiChecks.normalize(SERVED));
        OpenApiChecks.assertMatches(SERVED, file, false);
    }

    @Test
    void aChangedApiFailsWithTheLineAndTheCommandThatRegeneratesTheFile() {
        Path file = folder.resolve("some-service.json");
        OpenApiChecks.assertMatches(SERVED, file, true);

        assertThatThrownBy(() -> OpenApiChecks.assertMatches(SERVED.replace("getB", "fetchB"), file, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("docs/api/some-service.json is not the API the service serves")
                .hasMessageContaining("committed `\"operationId\" : \"getB\"`")
                .hasMessageContaining(OpenApiChecks.REGENERATE);
    }

    @Test
    void aMissingFileFailsWithTheCommand() {
        assertThatThrownBy(() -> OpenApiChecks.assertMatches(SERVED, folder.resolve("absent.json"), false))
                .hasMessageContaining("docs/api/absent.json is missing").hasMessageContaining(OpenApiChecks.REGENERATE);
    }
}
