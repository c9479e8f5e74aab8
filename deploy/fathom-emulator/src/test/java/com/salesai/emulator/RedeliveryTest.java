package com.salesai.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Svix-like redelivery, switched on by a test: same webhook-id, backing off, signed with the first secret. */
@RecordingEmulatorTest
class RedeliveryTest {
    private static final String KEY = "redelivery-test-key";

    @LocalServerPort
    int port;

    EmulatorHttp http() {
        return new EmulatorHttp(port);
    }

    @AfterEach
    void switchOff() {
        http().post("/emulator/redelivery", null, "{\"enabled\":false}");
    }

    @Test
    void aFailedDeliveryIsResentWithTheSameIdUntilAccepted() throws Exception {
        redeliver("[30,60,90]");
        try (Destination destination = Destination.answering(500, 503, 202)) {
            JsonNode webhook = http().createWebhook(KEY, destination.url(), "my_recordings");
            try {
                String messageId = deliveredMessageId(http().json(http().post("/emulator/recordings", null, "{}")));

                List<Destination.Received> received = destination.await(3, Duration.ofSeconds(5));
                assertThat(received).hasSize(3).allSatisfy(r -> {
                    assertThat(r.id()).isEqualTo(messageId);
                    assertThat(r.signedWith(webhook.path("secret").asString())).isTrue();
                });
                assertThat(received).extracting(Destination.Received::body).containsOnly(received.get(0).body());
                List<JsonNode> attempts = attempts(messageId, 3);
                assertThat(attempts).extracting(a -> a.path("attempt").asInt()).containsExactly(1, 2, 3);
                assertThat(attempts).extracting(a -> a.path("status").asInt()).containsExactly(500, 503, 202);
                assertThat(attempts.get(0).path("webhookId").asString()).isEqualTo(webhook.path("id").asString());
                Thread.sleep(150);
                assertThat(destination.received()).as("nothing after the 2xx").hasSize(3);
            } finally {
                http().delete("/external/v1/webhooks/" + webhook.path("id").asString(), KEY);
            }
        }
    }

    @Test
    void aRelayedDeliveryCarriesTheTraceparentItWasGivenAndAFreshOneNone() throws Exception {
        try (Destination destination = Destination.answering(202)) {
            JsonNode webhook = http().createWebhook(KEY, destination.url(), "my_recordings");
            try {
                String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
                EmulatorHttp.send(HttpRequest.newBuilder(http().uri("/emulator/deliveries"))
                        .header("Content-Type", "application/json").header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"meeting_title\":\"traced\"}")), null);
                http().post("/emulator/recordings", null, "{}");

                List<Destination.Received> received = destination.await(2, Duration.ofSeconds(5));
                assertThat(received).extracting(Destination.Received::traceparent).containsExactly(traceparent, null);
            } finally {
                http().delete("/external/v1/webhooks/" + webhook.path("id").asString(), KEY);
            }
        }
    }

    @Test
    void anUnreachableDestinationGetsOneRetryPerDelayThenNoMore() throws Exception {
        redeliver("[20,20]");
        JsonNode webhook = http().createWebhook(KEY, "http://127.0.0.1:" + closedPort() + "/hook", "my_recordings");
        try {
            String messageId = deliveredMessageId(http().json(http().post("/emulator/recordings", null, "{}")));

            assertThat(attempts(messageId, 3)).extracting(a -> a.path("status").asInt()).containsExactly(0, 0, 0);
            Thread.sleep(150);
            assertThat(attempts(messageId, 3)).hasSize(3);
        } finally {
            http().delete("/external/v1/webhooks/" + webhook.path("id").asString(), KEY);
        }
    }

    @Test
    void abortMessageStopsTheRetries() throws Exception {
        redeliver("[20,20]");
        try (Destination destination = Destination.answeringWithHeader("webhook-delivery", "abort-message", 422)) {
            JsonNode webhook = http().createWebhook(KEY, destination.url(), "my_recordings");
            try {
                http().post("/emulator/recordings", null, "{}");
                Thread.sleep(150);
                assertThat(destination.received()).hasSize(1);
            } finally {
                http().delete("/external/v1/webhooks/" + webhook.path("id").asString(), KEY);
            }
        }
    }

    @Test
    void retriesOfADeletedWebhookStillComeSignedWithItsSecret() throws Exception {
        redeliver("[400]");
        try (Destination destination = Destination.answering(500, 202)) {
            JsonNode old = http().createWebhook(KEY, destination.url(), "my_recordings");
            String messageId = deliveredMessageId(http().json(http().post("/emulator/recordings", null, "{}")));
            // A re-save: the new webhook first, then the old one deleted, while the message waits for its retry.
            JsonNode renewed = http().createWebhook(KEY, destination.url(), "my_recordings");
            assertThat(http().delete("/external/v1/webhooks/" + old.path("id").asString(), KEY).statusCode())
                    .isEqualTo(204);
            try {
                List<Destination.Received> received = destination.await(2, Duration.ofSeconds(5));

                assertThat(received).hasSize(2);
                Destination.Received retry = received.get(1);
                assertThat(retry.id()).isEqualTo(messageId);
                assertThat(retry.signedWith(old.path("secret").asString())).isTrue();
                assertThat(retry.signedWith(renewed.path("secret").asString())).isFalse();
            } finally {
                http().delete("/external/v1/webhooks/" + renewed.path("id").asString(), KEY);
            }
        }
    }

    @Test
    void offByDefaultAndRefusesNegativeDelays() {
        JsonNode state = http().json(http().get("/emulator/redelivery", null));
        assertThat(state.path("enabled").asBoolean()).isFalse();
        assertThat(http().post("/emulator/redelivery", null, "{\"enabled\":true,\"delaysMillis\":[-1]}")
                .statusCode()).isEqualTo(400);
        JsonNode svix = http().json(http().post("/emulator/redelivery", null, "{\"enabled\":true}"));
        assertThat(svix.path("delaysMillis").get(0).asLong()).as("Svix's schedule starts at 5 s").isEqualTo(5_000L);
    }

    private void redeliver(String delays) {
        JsonNode state = http().json(http().post("/emulator/redelivery", null,
                "{\"enabled\":true,\"delaysMillis\":" + delays + "}"));
        assertThat(state.path("enabled").asBoolean()).isTrue();
    }

    private static String deliveredMessageId(JsonNode sent) {
        assertThat(sent.path("deliveries")).hasSize(1);
        return sent.path("deliveries").get(0).path("webhookMessageId").asString();
    }

    private List<JsonNode> attempts(String messageId, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        List<JsonNode> attempts;
        do {
            attempts = http().json(http().get("/emulator/deliveries/log?webhookMessageId=" + messageId, null))
                    .valueStream().toList();
            if (attempts.size() >= atLeast) {
                break;
            }
            Thread.sleep(10);
        } while (Instant.now().isBefore(deadline));
        return attempts;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
