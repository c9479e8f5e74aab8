package com.salesai.ingest.webhook;

import com.salesai.ingest.ConcurrentTest;
import com.salesai.ingest.IngestSpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.testsupport.ServiceProbe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile but properly signed bodies: each gets a clear 4xx (422 with its raw bytes quarantined, or 413 unread),
 * nothing reaches {@code calls.recorded}, and the service stays healthy afterwards. Each test has its own user, so
 * they run side by side.
 */
class InputLimitsTest extends IngestSpringTest {

    @ConcurrentTest
    void deeplyNestedJsonIsQuarantined() {
        assertQuarantined("[".repeat(20_000) + "]".repeat(20_000));
        assertQuarantined("{\"data\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}");
    }

    @ConcurrentTest
    void aTenThousandElementArrayOfNonCallsIsQuarantined() {
        assertQuarantined("[" + "{},".repeat(9_999) + "{}]");
    }

    @ConcurrentTest
    void aFiveMegabyteTranscriptIsTooLargeAndNotRead() {
        String transcript = "Rep: " + "bonjour ".repeat(5 * 1024 * 1024 / 8);
        String body = "{\"id\":\"big\",\"fathom_user\":{\"email\":\"rep@acme.com\"},\"meeting\":{\"title\":\"Big\"},"
                + "\"transcript\":{\"plaintext\":\"" + transcript + "\"}}";

        HttpResponse<String> response = signed(activeUser(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertHealthy();
    }

    /**
     * Under the body limit, but one-word lines turn into segments many times their size: the CallRecorded exceeds
     * the record limit (3 x 64 KiB here), Kafka refuses it, and the sender is told not to retry instead of 503.
     */
    @ConcurrentTest
    void aBodyWhoseCallOutgrowsTheRecordLimitIs413AndQuarantinedWithItsReason() {
        String lines = "A: b\\n".repeat(10_000);
        byte[] body = ("{\"id\":\"dense\",\"fathom_user\":{\"email\":\"rep@acme.com\"},\"meeting\":{\"title\":\"D\"},"
                + "\"transcript\":{\"plaintext\":\"" + lines + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan((int) MAX_BODY_BYTES);
        TestUser user = activeUser();

        HttpResponse<String> response = signed(user, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(response.body()).contains("record-too-large").contains("\"reason\"");
        assertThat(topic(Topics.INGEST_QUARANTINE).read(r -> user.userId().equals(r.key()), 1,
                Duration.ofSeconds(10), Duration.ZERO)).singleElement().satisfies(r -> {
                    assertThat(r.value()).isEqualTo(body);
                    assertThat(new String(r.headers().lastHeader("quarantine-reason").value(), StandardCharsets.UTF_8))
                            .startsWith("record too large: ").contains("max.request.size");
                });
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(user.userId()), 0, Duration.ofMillis(500), Duration.ofMillis(500))).isEmpty();
        assertHealthy();
    }

    @ConcurrentTest
    void overlongFieldsAreCutAtNormalizationAndTheCallSaysWhich() {
        String body = "{\"id\":\"long-title\",\"fathom_user\":{\"email\":\"rep@acme.com\"},"
                + "\"meeting\":{\"title\":\"" + "T".repeat(20_000) + "\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}";
        TestUser user = activeUser();

        HttpResponse<String> response = signed(user, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(user.userId()), 1, Duration.ofSeconds(10), Duration.ZERO)).singleElement().satisfies(r -> {
                    String event = new String(r.value(), StandardCharsets.UTF_8);
                    assertThat(event).contains("\"title\":\"" + "T".repeat(500) + "\"")
                            .doesNotContain("T".repeat(501))
                            .contains("\"truncatedFields\":[\"title\"]");
                });
        assertHealthy();
    }

    @ConcurrentTest
    void invalidUtf8IsQuarantined() {
        byte[] body = concat("{\"id\":\"utf\",\"fathom_user\":{\"email\":\"rep@acme.com\"},\"meeting\":{\"title\":\"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE},
                "\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}");
        assertQuarantined(body);
    }

    @ConcurrentTest
    void rawNulBytesAreQuarantined() {
        byte[] inString = concat("{\"id\":\"nul\",\"fathom_user\":{\"email\":\"rep@acme.com\"},\"meeting\":{\"title\":\"a",
                new byte[] {0, 0}, "b\"},\"transcript\":{\"plaintext\":\"Rep: hi\"}}");
        assertQuarantined(inString);
        assertQuarantined(concat("", new byte[] {0, 0, 0, 0}, ""));
    }

    private void assertQuarantined(String body) {
        assertQuarantined(body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertQuarantined(byte[] body) {
        TestUser user = activeUser();

        HttpResponse<String> response = signed(user, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"reason\"");
        assertThat(topic(Topics.INGEST_QUARANTINE).read(r -> user.userId().equals(r.key()), 1,
                Duration.ofSeconds(10), Duration.ZERO)).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(body));
        assertThat(topic(Topics.CALLS_RECORDED).read(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(user.userId()), 0, Duration.ofMillis(500), Duration.ofMillis(500))).isEmpty();
        assertHealthy();
    }

    /** The probes Kubernetes acts on: still live and still ready to take deliveries. */
    private void assertHealthy() {
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> health = ServiceProbe.get(port, probe);
            assertThat(health.statusCode()).as(probe + " " + health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    private HttpResponse<String> signed(TestUser user, byte[] body) {
        String id = WebhookClient.newWebhookId();
        long now = Instant.now().getEpochSecond();
        return client().post(user.userId(), id, Long.toString(now),
                StandardWebhooksSigner.sign(user.secret(), id, now, body), body);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
