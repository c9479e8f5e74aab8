package com.salesai.integration.sync;

import com.salesai.integration.Api;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.integration.Tokens;
import com.salesai.schema.events.Topics;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catch-up sync against WireMock-as-Fathom, every 2 s. Its own context (closed after the class) so that no
 * other test sees its background runs.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SyncFlowTest extends IntegrationTestBase {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    SyncLeases leases;

    private final String userId = "synced-" + UUID.randomUUID();
    private final String orgId = "org-sync-" + UUID.randomUUID();
    private final String token = Tokens.forUser(userId, orgId);
    private final String apiKey = "sync-key-" + UUID.randomUUID();

    @DynamicPropertySource
    static void syncEveryTwoSeconds(DynamicPropertyRegistry registry) {
        registry.add("app.sync.interval", INTERVAL::toString);
        registry.add("app.sync.settle", () -> "0s");
    }

    private String oldMeeting() {
        return FathomStub.meetingJson(FathomStub.recordingIdOf(apiKey, 0), 0, "synced@acme.com",
                "2025-03-04T10:50:00Z");
    }

    private void connect() {
        FathomStub.pages(FATHOM, apiKey, List.of(oldMeeting()), FathomStub.PAGE_SIZE, null);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_sync", "whsec_c3luYy1zZWNyZXQtc3luYy1zZWNy");
        assertThat(api().call("PUT", "/api/integrations/fathom", token,
                "{\"apiKey\":\"" + apiKey + "\",\"fathomEmail\":\"synced@acme.com\"}").status()).isEqualTo(200);
    }

    @Test
    void aMeetingWhoseWebhookNeverCameIsPublishedWithinOneIntervalAndOnlyOnce() {
        connect();
        Instant created = Instant.now();
        long recordingId = FathomStub.recordingIdOf(apiKey, 1);
        FathomStub.pages(FATHOM, apiKey, List.of(FathomStub.meetingJson(recordingId, 1, "synced@acme.com",
                created.toString()), oldMeeting()), FathomStub.PAGE_SIZE, null);
        double recoveredBefore = recovered();

        await(() -> !syncedCalls().isEmpty(), INTERVAL.plus(Duration.ofSeconds(2)));

        List<JsonNode> calls = syncedCalls();
        assertThat(calls).hasSize(1);
        JsonNode call = calls.get(0);
        assertThat(call.path("fathomRecordingId").asString()).isEqualTo(Long.toString(recordingId));
        assertThat(call.path("userId").asString()).isEqualTo(userId);
        assertThat(call.path("attribution").asString()).isEqualTo("recorder");
        assertThat(call.path("receivedBy").asString()).isEqualTo(userId);
        await(() -> view().path("lastSyncRecovered").asInt() == 1, Duration.ofSeconds(3));
        assertThat(recovered() - recoveredBefore).isEqualTo(1);

        Instant firstSync = Instant.parse(view().path("lastSyncAt").asString());
        await(() -> Instant.parse(view().path("lastSyncAt").asString()).isAfter(firstSync),
                INTERVAL.plus(Duration.ofSeconds(2)));

        assertThat(view().path("lastSyncRecovered").asInt()).isZero();
        assertThat(syncedCalls()).hasSize(1);
        assertThat(recovered() - recoveredBefore).isEqualTo(1);
        Instant watermark = mongo.getCollection(SyncLeases.COLLECTION).find(new Document("_id", userId)).first()
                .getDate("watermark").toInstant();
        assertThat(watermark).isEqualTo(created.truncatedTo(ChronoUnit.MILLIS));
        FATHOM.verify(getRequestedFor(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .withQueryParam("include_transcript", equalTo("true"))
                .withQueryParam("include_summary", equalTo("true"))
                .withQueryParam("include_action_items", equalTo("true"))
                .withQueryParam("created_after", equalTo(DateTimeFormatter.ISO_INSTANT.format(
                        watermark.minus(Duration.ofHours(1))))));
    }

    @Test
    void aCallIngestAlreadyPublishedIsNeitherPublishedAgainNorCountedAsRecovered() {
        connect();
        String meeting = FathomStub.meetingJson(FathomStub.recordingIdOf(apiKey, 2), 2, "synced@acme.com",
                Instant.now().toString());
        kafka.send(Topics.CALLS_RECORDED, callIdOf(meeting), Map.of("source", "webhook")).join();
        await(() -> mongo.getCollection("known_calls").countDocuments(new Document("_id", callIdOf(meeting))) == 1,
                Duration.ofSeconds(10));
        FathomStub.pages(FATHOM, apiKey, List.of(meeting, oldMeeting()), FathomStub.PAGE_SIZE, null);
        Instant stubbed = Instant.now();

        await(() -> view().has("lastSyncAt") && Instant.parse(view().path("lastSyncAt").asString()).isAfter(stubbed),
                INTERVAL.plus(Duration.ofSeconds(3)));

        assertThat(view().path("lastSyncRecovered").asInt()).isZero();
        assertThat(syncedCalls()).isEmpty();
    }

    @Test
    void theSyncGivesWayToTheUsersImport() {
        connect();
        mongo.getCollection("import_locks").insertOne(new Document("_id", userId).append("jobId", "running-import")
                .append("lockedAt", new Date()));
        FathomStub.pages(FATHOM, apiKey, List.of(FathomStub.meetingJson(FathomStub.recordingIdOf(apiKey, 3), 3,
                "synced@acme.com", Instant.now().toString()), oldMeeting()), FathomStub.PAGE_SIZE, null);
        FATHOM.resetRequests();
        double yieldedBefore = yielded();

        await(() -> yielded() - yieldedBefore >= 2, INTERVAL.multipliedBy(2).plus(Duration.ofSeconds(3)));

        FATHOM.verify(0, getRequestedFor(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .withQueryParam("include_transcript", equalTo("true")));
        assertThat(syncedCalls()).isEmpty();
        mongo.getCollection("import_locks").deleteOne(new Document("_id", userId));
        await(() -> !syncedCalls().isEmpty(), INTERVAL.plus(Duration.ofSeconds(2)));
    }

    @Test
    void oneInstanceAtATimeHoldsAnIntegrationsSyncAndOnlyWhenItIsDue() {
        String user = "leased-" + UUID.randomUUID();
        Instant now = Instant.now();

        SyncLeases.Lease lease = leases.tryTake(user, "replica-a", now, Duration.ofMinutes(5)).orElseThrow();
        assertThat(leases.tryTake(user, "replica-b", now, Duration.ofMinutes(5))).isEmpty();
        leases.release(lease, now.minusSeconds(30), now.plus(Duration.ofMinutes(15)));

        assertThat(leases.tryTake(user, "replica-b", now.plusSeconds(60), Duration.ofMinutes(5))).isEmpty();
        SyncLeases.Lease due = leases.tryTake(user, "replica-b", now.plus(Duration.ofMinutes(16)),
                Duration.ofMinutes(5)).orElseThrow();
        assertThat(due.watermark()).isEqualTo(now.minusSeconds(30).truncatedTo(ChronoUnit.MILLIS));
        assertThat(leases.tryTake(user, "replica-a", now.plus(Duration.ofMinutes(22)), Duration.ofMinutes(5)))
                .as("an abandoned lease expires").isPresent();
    }

    private String callIdOf(String meeting) {
        NormalizationResult result = new FathomPayloadNormalizer().normalize(meeting.getBytes(StandardCharsets.UTF_8));
        return ((NormalizationResult.Normalized) result).calls().get(0).callIdIn(orgId);
    }

    private JsonNode view() {
        return api().call("GET", "/api/integrations/fathom", token, null).json();
    }

    private double recovered() {
        var counter = meters.find("fathom.sync.recovered").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs that gave way to an import: only this class's import-locked user has any. */
    private double yielded() {
        var counter = meters.find("fathom.sync.runs").tag("outcome", "yielded").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<JsonNode> syncedCalls() {
        return KafkaProbe.readAll(broker, Topics.CALLS_RECORDED).stream()
                .filter(r -> r.value() != null && r.value().contains("\"source\":\"sync\""))
                .map(r -> Api.json(r.value())).filter(c -> orgId.equals(c.path("orgId").asString())).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            sleep(Duration.ofMillis(50));
        }
    }
}
