package com.salesai.ingest.webhook;

import com.salesai.ingest.ConcurrentTest;
import com.salesai.ingest.LargeBodySpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.testsupport.SlowUpload;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed delivery whose body does not arrive within the read timeout is cut off: nothing is published, claimed or
 * quarantined (a partial body has no verifiable signature), and Fathom's retry of it, sent at once, is accepted.
 * Both tests wait out the read timeout on purpose, so they wait side by side.
 */
class ReadTimeoutTest extends LargeBodySpringTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(READ_TIMEOUT_SECONDS);
    private static final int BYTES_PER_SECOND = 4 * 1024;

    @ConcurrentTest
    void aSignedDeliveryTrickledAtFourKilobytesASecondIsCutOffAndItsRetryIsAccepted() throws IOException {
        TestUser user = activeUser();
        Signed delivery = signed(user, meetingOf(48 * 1024));

        try (SlowUpload slow = SlowUpload.trickle(port, path(user), delivery.headers(), delivery.body(),
                BYTES_PER_SECOND)) {
            SlowUpload.Answer answer = slow.answer(READ_TIMEOUT.multipliedBy(4));

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.afterHeaders()).isBetween(READ_TIMEOUT, READ_TIMEOUT.multipliedBy(2));
            assertThat(answer.bodyBytesSent()).isLessThan(delivery.body().length);
        }
        assertThat(recordsOf(Topics.CALLS_RECORDED, user, 0)).isEmpty();
        assertThat(recordsOf(Topics.INGEST_QUARANTINE, user, 0)).isEmpty();

        HttpResponse<String> retry = client().post(user.userId(), delivery.webhookId(), delivery.timestamp(),
                delivery.signature(), delivery.body());

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(recordsOf(Topics.CALLS_RECORDED, user, 1)).hasSize(1);
    }

    /**
     * The read blocked on a silent sender ends at Tomcat's upload timeout, set to the read timeout (else it would wait
     * Tomcat's connection timeout, 60 s), which answers 408 itself; the one read Tomcat makes of an unread body before
     * it closes waits as long again.
     */
    @ConcurrentTest
    void aSenderThatFallsSilentMidBodyIsAnswered408AtTheReadTimeoutAndHungUpOn() throws IOException {
        TestUser user = activeUser();
        Signed delivery = signed(user, meetingOf(48 * 1024));

        try (SlowUpload silent = SlowUpload.stall(port, path(user), delivery.headers(), delivery.body(), 1024)) {
            SlowUpload.Answer answer = silent.answer(READ_TIMEOUT.multipliedBy(4));

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.afterHeaders()).isBetween(READ_TIMEOUT, READ_TIMEOUT.multipliedBy(2));
            assertThat(silent.hangUp(READ_TIMEOUT.multipliedBy(4))).isLessThan(READ_TIMEOUT.multipliedBy(3));
        }
        assertThat(recordsOf(Topics.CALLS_RECORDED, user, 0)).isEmpty();
    }

    private record Signed(String webhookId, String timestamp, String signature, byte[] body) {
        Map<String, String> headers() {
            return Map.of("webhook-id", webhookId, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    private static Signed signed(TestUser user, byte[] body) {
        String id = WebhookClient.newWebhookId();
        long now = Instant.now().getEpochSecond();
        return new Signed(id, Long.toString(now), StandardWebhooksSigner.sign(user.secret(), id, now, body), body);
    }

    /** A nested-format meeting whose plaintext transcript makes it about {@code bytes} long. */
    private static byte[] meetingOf(int bytes) {
        String line = "Rep One: Nous reprenons le planning du d\\u00e9ploiement.\\n";
        return ("{\"id\":\"slow-" + System.nanoTime() + "\",\"fathom_user\":{\"email\":\"rep@acme.com\"},"
                + "\"meeting\":{\"title\":\"Slow sender\"},\"transcript\":{\"plaintext\":\""
                + line.repeat(bytes / line.length()) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String path(TestUser user) {
        return "/api/webhooks/fathom/" + user.userId();
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String topic, TestUser user, int expected) {
        return topic(topic).read(r -> user.userId().equals(r.key()) || r.value() != null
                        && new String(r.value(), StandardCharsets.UTF_8).contains(user.userId()), expected,
                Duration.ofSeconds(expected == 0 ? 2 : 10), Duration.ofMillis(500));
    }
}
