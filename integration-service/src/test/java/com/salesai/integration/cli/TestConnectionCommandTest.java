package com.salesai.integration.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class TestConnectionCommandTest {
    private static final String KEY = "cli-secret-key-0123456789";
    private static WireMockServer fathom;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        fathom = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        fathom.start();
    }

    @AfterAll
    static void stop() {
        fathom.stop();
    }

    @BeforeEach
    void reset() {
        fathom.resetAll();
    }

    private int run(String key) {
        return TestConnectionCommand.run(Map.of("FATHOM_API_KEY", key,
                "FATHOM_API_BASE_URL", fathom.baseUrl() + "/external/v1"),
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsSuccessMeetingsAndVersionWithoutTheKey() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).withHeader("X-Api-Key", equalTo(KEY))
                .willReturn(okJson("{\"items\":[{},{},{}],\"next_cursor\":\"x\"}")));

        assertThat(run(KEY)).isZero();
        assertThat(printed()).contains("API key length: 25 characters")
                .contains("Connection successful - API key is valid").contains("Meetings found: 3")
                .contains("API version:    v1").doesNotContain(KEY);
    }

    @Test
    void anInvalidKeyExitsWithOneAndTheExactMessage() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).willReturn(aResponse().withStatus(401)));

        assertThat(run(KEY)).isEqualTo(1);
        assertThat(printed()).contains("FAILED - Invalid API key - please check your credentials").doesNotContain(KEY);
    }
}
