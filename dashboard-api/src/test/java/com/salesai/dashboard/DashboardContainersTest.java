package com.salesai.dashboard;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.ContainerImages;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.salesai.dashboard.projection.CallRecord.Fields.ORG_ID;
import static com.salesai.dashboard.projection.CallRecord.Fields.STARTED_AT;
import static com.salesai.dashboard.projection.CallRecord.Fields.STATUS;
import static com.salesai.dashboard.projection.CallRecord.Fields.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection flow against real {@code mongo} and {@code apache/kafka} images: CallRecorded + CallAnalyzed on
 * their topics end evaluated through REST, and real MongoDB holds the compound indexes (the embedded stand-in
 * doesn't implement them). Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.auth.dev-secret=" + Tokens.SECRET,
        "app.kafka.topics.calls-partitions=2",
        "app.kafka.retry.initial-interval=50ms",
        "app.kafka.retry.attempts=2"})
class DashboardContainersTest {
    private static final String ORG = "org-containers";
    private static final Instant T0 = Instant.parse("2026-10-20T14:00:00Z");
    private static final List<String> CONSUMED = List.of(Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED,
            Topics.CALLS_ANALYSIS_FAILED);

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    /**
     * The consumed topics belong to other services; made here before the context starts, with no more partitions
     * than the dead-letter topics the dashboard declares ({@code app.kafka.topics.calls-partitions}, same-partition DLT).
     */
    @BeforeAll
    static void createConsumedTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(CONSUMED.stream().map(t -> new NewTopic(t, 2, (short) 1)).toList()).all().get();
        }
    }

    @Test
    void recordedAndAnalyzedEndEvaluatedThroughRest() throws Exception {
        var producer = new DefaultKafkaProducerFactory<String, Object>(
                Map.of("bootstrap.servers", KAFKA.getBootstrapServers()), new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            KafkaTemplate<String, Object> template = new KafkaTemplate<>(producer);
            template.send(Topics.CALLS_ANALYZED, "tc-1", TestEvents.flagged(TestEvents.analyzed("tc-1", ORG, "alice", 81,
                    Outcome.ADVANCED, 0.45, T0.plusSeconds(3600)), "possible_prompt_injection")).get();
            template.send(Topics.CALLS_RECORDED, "tc-1",
                    TestEvents.recorded("tc-1", ORG, "alice", "Alice Martin", "Kick-off Stark", T0)).get();
        } finally {
            producer.destroy();
        }

        Api api = new Api(port);
        String head = Tokens.token("boss", ORG, "head_of_sales");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var response = api.get("/api/calls/tc-1", head);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode call = Api.json(response.body());
            assertThat(call.get("status").asString()).isEqualTo("evaluated");
            assertThat(call.get("title").asString()).isEqualTo("Kick-off Stark");
            assertThat(call.get("overallScore").asInt()).isEqualTo(81);
        });
        assertThat(api.getJson("/api/calls?q=stark", head).get("totalItems").asLong()).isEqualTo(1);
        // the v2 filters on the record query: an array element match and equality on nested fields
        assertThat(api.getJson("/api/calls?reviewFlag=possible_prompt_injection", head).get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(api.getJson("/api/calls?attribution=recorder", head).get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.getJson("/api/calls?attribution=shared", head).get("totalItems").asLong()).isZero();
    }

    @Test
    void realMongoHoldsTheCompoundIndexes() {
        Map<String, List<String>> keysByName = new HashMap<>();
        mongo.getCollection("call_records").listIndexes().forEach(index ->
                keysByName.put(index.getString("name"), keyPattern(index.get("key", Document.class))));

        assertThat(keysByName).containsEntry("org_startedAt_id", List.of(ORG_ID + ":1", STARTED_AT + ":-1", "_id:1"))
                .containsEntry("org_user_startedAt_id",
                        List.of(ORG_ID + ":1", USER_ID + ":1", STARTED_AT + ":-1", "_id:1"))
                .containsEntry("org_status_startedAt_id",
                        List.of(ORG_ID + ":1", STATUS + ":1", STARTED_AT + ":-1", "_id:1"))
                .doesNotContainKeys("org_startedAt", "org_user_startedAt", "org_status_startedAt");
    }

    /** The key pattern in field order (order matters for a compound index), as "field:direction". */
    private static List<String> keyPattern(Document key) {
        return key.entrySet().stream().map(e -> e.getKey() + ":" + ((Number) e.getValue()).intValue()).toList();
    }
}
