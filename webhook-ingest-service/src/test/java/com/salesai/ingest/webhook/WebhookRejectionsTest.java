package com.salesai.ingest.webhook;

import com.salesai.ingest.ConcurrentTest;
import com.salesai.ingest.IngestSpringTest;
import com.salesai.ingest.WebhookClient;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every refusal of the design's table, and duplicates; each test with its own user, so side by side. */
class WebhookRejectionsTest extends IngestSpringTest {
    private static final String NESTED = WebhookFormatsTest.payload("nested.json");

    @ConcurrentTest
    void bodyReformattedAfterSigningIsUnauthorized() {
        TestUser user = activeUser();
        String webhookId = WebhookClient.newWebhookId();
        long ts = Instant.now().getEpochSecond();
        String signature = StandardWebhooksSigner.sign(user.secret(), webhookId, ts, bytes(NESTED));
        String reformatted = NESTED.replace(",\"", ", \"");

        HttpResponse<String> response = client().post(user.userId(), webhookId, Long.toString(ts), signature,
                bytes(reformatted));

        assertProblem(response, 401);
        assertNothingPublishedFor(user);
    }

    @ConcurrentTest
    void badSignatureMissingHeadersAndStaleOrFutureTimestampsAreUnauthorized() {
        TestUser user = activeUser();
        byte[] body = bytes(NESTED);
        long now = Instant.now().getEpochSecond();
        String id = WebhookClient.newWebhookId();
        String otherSecret = StandardWebhooksSigner.newSecret();

        assertProblem(client().post(user.userId(), id, Long.toString(now),
                StandardWebhooksSigner.sign(otherSecret, id, now, body), body), 401);
        assertProblem(client().post(user.userId(), id, null, null, body), 401);
        assertProblem(client().post(user.userId(), null, Long.toString(now),
                StandardWebhooksSigner.sign(user.secret(), id, now, body), body), 401);
        assertProblem(client().post(user.userId(), id, Long.toString(now - 301),
                StandardWebhooksSigner.sign(user.secret(), id, now - 301, body), body), 401);
        // 302, not 301: a second ticking before the server checks would bring 301 back within tolerance.
        long future = Instant.now().getEpochSecond() + 302;
        assertProblem(client().post(user.userId(), id, Long.toString(future),
                StandardWebhooksSigner.sign(user.secret(), id, future, body), body), 401);
        assertNothingPublishedFor(user);
    }

    @ConcurrentTest
    void unknownUserIsNotFound() {
        TestUser stranger = new TestUser("nobody-" + Instant.now().toEpochMilli(), "org-x",
                StandardWebhooksSigner.newSecret());
        assertProblem(client().deliver(stranger, NESTED), 404);
    }

    @ConcurrentTest
    void deletedIntegrationIsNotFound() {
        TestUser user = activeUser();
        publishTombstone(user.userId());
        await().atMost(Duration.ofSeconds(15)).until(() -> view.activeIntegration(user.userId()).isEmpty());

        assertProblem(client().deliver(user, NESTED), 404);
        assertNothingPublishedFor(user);
    }

    @ConcurrentTest
    @ExtendWith(OutputCaptureExtension.class)
    @ResourceLock(Resources.SYSTEM_OUT)
    void aSecretCopiedIntoAnotherOrganizationsEventVerifiesNoDeliveryAndTheRefusalIsLoggedWithoutIt(
            CapturedOutput output) {
        TestUser user = activeUser();
        assertThat(client().deliver(user, NESTED).statusCode()).isEqualTo(202);

        publishMovedToOrganization(user, "org-elsewhere", 2);

        assertProblem(client().deliver(user, NESTED), 404);
        assertThat(output.getOut()).contains("webhook secret of userId=" + user.userId()
                        + " orgId=org-elsewhere version=2 refused")
                .doesNotContain(user.secret());
    }

    @ConcurrentTest
    void malformedJsonIsQuarantined() {
        TestUser user = activeUser();
        String body = "{\"id\": \"x\", ";

        HttpResponse<String> response = client().deliver(user, body);

        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.get("reason").stringValue()).startsWith("invalid JSON");
        ConsumerRecord<String, byte[]> quarantined = quarantinedFor(user);
        assertThat(quarantined.value()).isEqualTo(bytes(body));
        assertThat(header(quarantined, "quarantine-reason")).isEqualTo(problem.get("reason").stringValue());
        assertThat(header(quarantined, "webhook-id")).isNotBlank();
        assertThat(header(quarantined, "webhook-timestamp")).isNotBlank();
        assertThat(header(quarantined, "content-type")).isEqualTo("application/json");
        assertThat(header(quarantined, "received-at")).isNotBlank();
        assertThat(quarantined.headers().lastHeader("webhook-signature")).isNull();
    }

    @ConcurrentTest
    void unrecognizedShapeIsQuarantined() {
        TestUser user = activeUser();
        String body = "{\"hello\":\"world\"}";

        JsonNode problem = assertProblem(client().deliver(user, body), 422);

        assertThat(problem.get("detail").stringValue()).contains("unrecognized payload");
        ConsumerRecord<String, byte[]> quarantined = quarantinedFor(user);
        assertThat(quarantined.value()).isEqualTo(bytes(body));
        assertThat(header(quarantined, "quarantine-reason")).startsWith("unrecognized payload");
    }

    @ConcurrentTest
    void theSameQuarantinedDeliveryThreeTimesIsThreeRefusalsAndOneQuarantinedRecord() {
        TestUser user = activeUser();
        String webhookId = WebhookClient.newWebhookId();

        for (int attempt = 0; attempt < 3; attempt++) {
            assertProblem(client().deliver(user, webhookId, "{\"hello\":\"world\"}"), 422);
        }

        assertThat(topic(Topics.INGEST_QUARANTINE).read(r -> user.userId().equals(r.key()), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(2))).hasSize(1);
    }

    @ConcurrentTest
    @ExtendWith(OutputCaptureExtension.class)
    @ResourceLock(Resources.SYSTEM_OUT)
    void aUserIdNoIntegrationCanHaveIsNotFoundAndNeverLogged(CapturedOutput output) {
        TestUser user = activeUser();
        byte[] body = bytes(NESTED);
        long now = Instant.now().getEpochSecond();
        String id = WebhookClient.newWebhookId();
        String signature = StandardWebhooksSigner.sign(user.secret(), id, now, body);

        assertProblem(client().post(user.userId() + "%0AERROR%20forged", id, Long.toString(now), signature, body),
                404);
        assertProblem(client().post("u".repeat(129), id, Long.toString(now), signature, body), 404);

        assertThat(output.getOut()).contains("webhook delivery userId=(invalid) webhookId=" + id)
                .doesNotContain("ERROR forged").doesNotContain("u".repeat(129));
    }

    @ConcurrentTest
    void oversizedBodyIsRejectedByContentLengthAndWhileStreaming() {
        TestUser user = activeUser();
        byte[] big = new byte[(int) MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        long now = Instant.now().getEpochSecond();
        String id = WebhookClient.newWebhookId();
        String signature = StandardWebhooksSigner.sign(user.secret(), id, now, big);

        assertProblem(client().post(user.userId(), id, Long.toString(now), signature, big), 413);
        assertProblem(client().postChunked(user.userId(), id, Long.toString(now), signature, big), 413);
        byte[] huge = new byte[3 * 1024 * 1024];
        assertProblem(client().post(user.userId(), id, Long.toString(now), signature, huge), 413);
    }

    @ConcurrentTest
    void sameWebhookIdTwiceIsOneRecord() {
        TestUser user = activeUser();
        String webhookId = WebhookClient.newWebhookId();

        HttpResponse<String> first = client().deliver(user, webhookId, NESTED);
        HttpResponse<String> second = client().deliver(user, webhookId, NESTED);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode secondBody = EventJson.mapper().readTree(second.body());
        assertThat(secondBody.get("duplicate").booleanValue()).isTrue();
        assertThat(secondBody.get("callIds")).isEqualTo(EventJson.mapper().readTree(first.body()).get("callIds"));
        assertThat(recordsFor(user, 1)).hasSize(1);
    }

    @ConcurrentTest
    void sameMeetingUnderTwoWebhookIdsIsOneRecord() {
        TestUser user = activeUser();

        HttpResponse<String> first = client().deliver(user, NESTED);
        HttpResponse<String> second = client().deliver(user, NESTED);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(second.body()).get("duplicate").booleanValue()).isTrue();
        assertThat(recordsFor(user, 1)).hasSize(1);
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = EventJson.mapper().readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("type").stringValue()).isNotBlank();
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        return problem;
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(TestUser user, int expected) {
        byte[] userIdJson = ("\"userId\":\"" + user.userId() + "\"").getBytes(StandardCharsets.UTF_8);
        return topic(Topics.CALLS_RECORDED).read(r -> contains(r.value(), userIdJson), expected,
                Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    private void assertNothingPublishedFor(TestUser user) {
        assertThat(recordsFor(user, 0)).isEmpty();
    }

    private ConsumerRecord<String, byte[]> quarantinedFor(TestUser user) {
        List<ConsumerRecord<String, byte[]>> records = topic(Topics.INGEST_QUARANTINE)
                .read(r -> user.userId().equals(r.key()), 1, Duration.ofSeconds(10), Duration.ZERO);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.UTF_8).contains(new String(needle, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
