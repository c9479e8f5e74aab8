package com.salesai.integration;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings page (served by dashboard-api, another origin) may call the API; other origins may not. */
class CorsTest extends IntegrationTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void preflightFromTheConfiguredOriginIsAllowedWithoutAToken() throws Exception {
        HttpResponse<String> allowed = preflight("http://localhost:8080");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> refused = preflight("https://evil.example");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/integrations/fathom"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
