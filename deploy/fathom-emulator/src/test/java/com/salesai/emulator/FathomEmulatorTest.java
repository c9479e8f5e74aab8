package com.salesai.emulator;

import com.salesai.emulator.meetings.SeedPlan;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.salesai.emulator.EmulatorHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

@SeededEmulatorTest
class FathomEmulatorTest {
    private static final String KEY = SeededEmulatorTest.ALICE;

    @LocalServerPort
    int port;

    EmulatorHttp http() {
        return new EmulatorHttp(port);
    }

    @Test
    void pagesSixtyMeetingsByCursorInAFormatTheNormalizerAccepts() {
        List<JsonNode> meetings = http().allMeetings(KEY,
                "include_transcript=true&include_summary=true&include_action_items=true");

        assertThat(meetings).hasSize(60);
        Set<Long> ids = new HashSet<>();
        meetings.forEach(m -> ids.add(m.path("recording_id").asLong()));
        assertThat(ids).hasSize(60);
        FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();
        for (int index = 0; index < meetings.size(); index++) {
            JsonNode meeting = meetings.get(index);
            assertThat(meeting.path("recording_id").asLong()).isEqualTo(100_000L + index);
            NormalizationResult result = normalizer.normalize(JSON.writeValueAsBytes(meeting));
            assertThat(result).isInstanceOf(NormalizationResult.Normalized.class);
            var call = ((NormalizationResult.Normalized) result).calls().get(0);
            SeedPlan.Kind kind = SeedPlan.kindOf(index);
            if (kind != SeedPlan.Kind.NO_TRANSCRIPT) {
                assertThat(meeting.path("transcript").size()).isGreaterThanOrEqualTo(6);
                assertThat(call.transcript()).isNotEmpty();
            }
            if (kind != SeedPlan.Kind.INTERNAL) {
                assertThat(call.externalInviteeCount()).isPositive();
            }
        }

        JsonNode bare = http().json(http().get("/external/v1/meetings", KEY));
        assertThat(bare.path("items").get(0).has("transcript")).isFalse();
        assertThat(bare.path("items").get(0).has("default_summary")).isFalse();
        assertThat(bare.path("items").get(0).has("action_items")).isFalse();
        assertThat(bare.path("limit").asInt()).isEqualTo(10);
        JsonNode recent = http().json(http().get("/external/v1/meetings?created_after="
                + meetings.get(4).path("created_at").asString(), KEY));
        assertThat(recent.path("items").size()).isEqualTo(4);
    }

    @Test
    void answersTheProbesTheLocalStackAndTheImageAsk() {
        assertThat(http().get("/readyz", null).statusCode()).isEqualTo(200);
        assertThat(http().get("/livez", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrMissingKeysAreUnauthorized() {
        assertThat(http().get("/external/v1/meetings", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/external/v1/meetings", "wrong-key").statusCode()).isEqualTo(401);
    }

    @Test
    void sixtyOneRequestsInAMinuteAreRateLimitedWithAPlainTextAnswer() {
        HttpResponse<String> first = http().get("/external/v1/meetings", "rate-test-key");
        assertThat(first.headers().firstValue("RateLimit-Limit")).contains("60");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).contains("59");
        assertThat(first.headers().firstValue("Retry-After")).as("only on 429").isEmpty();
        HttpResponse<String> last = null;
        for (int i = 1; i < 61; i++) {
            last = http().get("/external/v1/meetings", "rate-test-key");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(last.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(last.body()).startsWith("Currently, you are able to make a maximum of 60 calls per 60 seconds");
    }

    @Test
    void deliversASeededMeetingSignedToItsRecordersWebhook() throws Exception {
        try (Destination destination = Destination.answering(202)) {
            JsonNode webhook = http().createWebhook(KEY, destination.url(), "my_recordings",
                    "shared_external_recordings");
            String secret = webhook.path("secret").asString();
            assertThat(secret).startsWith("whsec_");
            String id = webhook.path("id").asString();
            try {
                JsonNode sent = http().json(http().post("/emulator/recordings", null, "{\"seedIndex\": 3}"));

                assertThat(sent.path("meeting").path("recording_id").asLong()).isEqualTo(100_003L);
                assertThat(sent.path("deliveries")).hasSize(1);
                assertThat(sent.path("deliveries").get(0).path("status").asInt()).isEqualTo(202);
                assertThat(sent.path("deliveries").get(0).path("webhookId").asString()).isEqualTo(id);
                List<Destination.Received> received = destination.await(1, Duration.ofSeconds(5));
                assertThat(received).hasSize(1);
                Destination.Received delivery = received.get(0);
                assertThat(delivery.id()).startsWith("msg_");
                assertThat(delivery.signedWith(secret)).isTrue();
                JsonNode body = JSON.readTree(delivery.body());
                assertThat(body.path("recording_id").asLong()).isEqualTo(100_003L);
                assertThat(body.has("transcript")).isTrue();
                assertThat(body.has("highlights")).as("webhooks never carry highlights").isFalse();
                assertThat(http().get("/emulator/webhooks", null).body()).contains(id);
            } finally {
                assertThat(http().delete("/external/v1/webhooks/" + id, KEY).statusCode()).isEqualTo(204);
            }
            assertThat(http().delete("/external/v1/webhooks/" + id, KEY).statusCode()).isEqualTo(404);
            assertThat(http().get("/emulator/webhooks", null).body()).doesNotContain(id);
        }
    }
}
