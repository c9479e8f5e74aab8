package com.salesai.emulator;

import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "emulator.api-keys=emulator-api-key,rate-test-key")
class FathomEmulatorTest {
    private static final String KEY = "emulator-api-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void pagesSixtyMeetingsByCursorInAFormatTheNormalizerAccepts() {
        List<JsonNode> meetings = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = get("/external/v1/meetings?include_transcript=true&include_summary=true"
                    + "&include_action_items=true" + (cursor == null ? "" : "&cursor=" + cursor), KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).contains("60");
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(meetings::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(6);
        Set<Long> ids = new HashSet<>();
        meetings.forEach(m -> ids.add(m.path("recording_id").asLong()));
        assertThat(ids).hasSize(60);
        FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();
        assertThat(meetings).allSatisfy(meeting -> {
            assertThat(meeting.path("transcript").size()).isGreaterThanOrEqualTo(8);
            NormalizationResult result = normalizer.normalize(JSON.writeValueAsBytes(meeting));
            assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
            var call = ((NormalizationResult.Normalized) result).calls().get(0);
            assertThat(call.externalInviteeCount()).isPositive();
            assertThat(call.transcript()).isNotEmpty();
        });

        JsonNode bare = JSON.readTree(get("/external/v1/meetings", KEY).body());
        assertThat(bare.path("items").get(0).has("transcript")).isFalse();
        assertThat(bare.path("items").get(0).has("default_summary")).isFalse();
        JsonNode recent = JSON.readTree(get("/external/v1/meetings?created_after="
                + meetings.get(4).path("created_at").asString(), KEY).body());
        assertThat(recent.path("items").size()).isEqualTo(4);
    }

    @Test
    void unknownOrMissingKeysAreUnauthorized() {
        assertThat(get("/external/v1/meetings", null).statusCode()).isEqualTo(401);
        assertThat(get("/external/v1/meetings", "wrong-key").statusCode()).isEqualTo(401);
    }

    @Test
    void sixtyOneRequestsInAMinuteAreRateLimited() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 61; i++) {
            last = get("/external/v1/meetings", "rate-test-key");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(last.headers().firstValue("RateLimit-Remaining")).contains("0");
    }

    @Test
    void deliversASeededMeetingSignedToEveryWebhook() throws IOException {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer destination = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        destination.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                    "body", new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        destination.start();
        try {
            String url = "http://127.0.0.1:" + destination.getAddress().getPort() + "/hook";
            HttpResponse<String> created = post("/external/v1/webhooks", KEY, """
                    {"destination_url": "%s", "include_transcript": true, "include_action_items": true,
                     "include_summary": true, "include_crm_matches": false,
                     "triggered_for": ["my_recordings","shared_external_recordings"]}""".formatted(url));
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode webhook = JSON.readTree(created.body());
            String secret = webhook.path("secret").asString();
            assertThat(secret).startsWith("whsec_");

            JsonNode sent = JSON.readTree(post("/emulator/recordings", null, "{\"seedIndex\": 3}").body());

            assertThat(sent.path("meeting").path("recording_id").asLong()).isEqualTo(100_003L);
            assertThat(sent.path("deliveries").get(0).path("status").asInt()).isEqualTo(202);
            assertThat(received).hasSize(1);
            Map<String, String> delivery = received.get(0);
            assertThat(delivery.get("id")).startsWith("msg_");
            assertThat(new StandardWebhooksVerifier(Clock.systemUTC()).verify(secret, delivery.get("id"),
                    delivery.get("timestamp"), delivery.get("signature"),
                    delivery.get("body").getBytes(java.nio.charset.StandardCharsets.UTF_8)).isVerified()).isTrue();
            assertThat(JSON.readTree(delivery.get("body")).path("recording_id").asLong()).isEqualTo(100_003L);
            assertThat(get("/emulator/webhooks", null).body()).contains(webhook.path("id").asString());

            String id = webhook.path("id").asString();
            assertThat(delete("/external/v1/webhooks/" + id, KEY).statusCode()).isEqualTo(204);
            assertThat(delete("/external/v1/webhooks/" + id, KEY).statusCode()).isEqualTo(404);
            assertThat(get("/emulator/webhooks", null).body()).doesNotContain(id);
        } finally {
            destination.stop(0);
        }
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), key);
    }

    private HttpResponse<String> post(String path, String key, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    private HttpResponse<String> delete(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), key);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
