package com.salesai.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /webhooks} validated like Fathom's schema (Create a webhook). */
@SeededEmulatorTest
class WebhookCreationTest {
    private static final String KEY = "webhook-test-key";
    private static final String URL = "http://127.0.0.1:9/hook";

    @LocalServerPort
    int port;

    @Test
    void refusesWhatFathomRefuses() {
        EmulatorHttp http = new EmulatorHttp(port);
        String before = http.get("/emulator/webhooks", null).body();
        String[] refused = {
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":true,\"triggered_for\":[\"my_recordings\"],\"include_highlights\":true}",
                "{\"include_transcript\":true,\"triggered_for\":[\"my_recordings\"]}",
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":true}",
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":true,\"triggered_for\":[]}",
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":true,\"triggered_for\":[\"all_recordings\"]}",
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":false,\"triggered_for\":[\"my_recordings\"]}",
                "{\"destination_url\":\"" + URL + "\",\"triggered_for\":[\"my_recordings\"]}",
                "{\"destination_url\":\"" + URL + "\",\"include_transcript\":\"yes\",\"triggered_for\":[\"my_recordings\"]}",
                "{\"destination_url\":\"ftp://example.test\",\"include_transcript\":true,\"triggered_for\":[\"my_recordings\"]}",
                "not json"};
        for (String body : refused) {
            assertThat(http.post("/external/v1/webhooks", KEY, body).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(http.get("/emulator/webhooks", null).body()).isEqualTo(before);
    }

    @Test
    void answersWithAnIdWithoutPrefixAndRemembersOwnerAndTriggers() {
        EmulatorHttp http = new EmulatorHttp(port);
        HttpResponse<String> created = http.post("/external/v1/webhooks", KEY, """
                {"destination_url":"%s","include_summary":true,
                 "triggered_for":["my_recordings","my_shared_with_team_recordings"]}""".formatted(URL));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode webhook = http.json(created);
        String id = webhook.path("id").asString();
        try {
            assertThat(id).matches("[A-Za-z0-9]{16}");
            assertThat(webhook.path("url").asString()).isEqualTo(URL);
            assertThat(webhook.path("include_transcript").asBoolean()).isFalse();
            assertThat(webhook.path("include_summary").asBoolean()).isTrue();
            assertThat(webhook.path("triggered_for").toString())
                    .isEqualTo("[\"my_recordings\",\"my_shared_with_team_recordings\"]");
            JsonNode listed = http.json(http.get("/emulator/webhooks", null)).valueStream()
                    .filter(w -> w.path("id").asString().equals(id)).findFirst().orElseThrow();
            assertThat(listed.path("ownerEmail").asString()).isEqualTo("alice@acme-sales.test");
            assertThat(listed.path("triggeredFor")).isEqualTo(webhook.path("triggered_for"));
            assertThat(listed.has("secret")).isFalse();
        } finally {
            http.delete("/external/v1/webhooks/" + id, KEY);
        }
    }
}
