package com.salesai.dashboard.erasure;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import com.salesai.schema.events.UserCallsErasureRequested;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DELETE /api/calls/{callId} → calls.erased → the read model: the call leaves detail, list and summary, a later
 * analysis does not bring it back, tombstones pass without a DLT; an erasure request for a member erases their calls.
 */
@DashboardIntegrationTest
class ErasureFlowTest {
    static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasedCallLeavesEveryViewAndALaterAnalysisDoesNotBringItBack() throws Exception {
        String org = "org-erase-" + UUID.randomUUID();
        send(Topics.CALLS_RECORDED, "erase-1", TestEvents.recorded("erase-1", org, "alice", "Alice", "Budget", T0));
        send(Topics.CALLS_ANALYZED, "erase-1",
                TestEvents.analyzed("erase-1", org, "alice", 70, Outcome.ADVANCED, 0.5, T0.plusSeconds(3600)));
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        await().atMost(Duration.ofSeconds(20)).until(() -> "evaluated".equals(status(api, head)));

        assertThat(api.delete("/api/calls/erase-1", Tokens.token("olga", "org-globex", "admin")).statusCode())
                .as("another organization").isEqualTo(404);
        assertThat(api.delete("/api/calls/erase-1", Tokens.token("bruno", org, "member")).statusCode())
                .as("another member").isEqualTo(404);
        var erased = api.delete("/api/calls/erase-1", Tokens.token("alice", org, "member"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);

        ConsumerRecord<String, byte[]> event = readOne(Topics.CALLS_ERASED, "erase-1");
        CallErased published = EventJson.mapper().readValue(event.value(), CallErased.class);
        assertThat(published.orgId()).isEqualTo(org);
        assertThat(published.requestedBy()).isEqualTo("alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/calls/erase-1", head).statusCode() == 404);
        assertThat(api.getJson("/api/calls", head).get("totalItems").asLong()).isZero();
        assertThat(api.getJson("/api/calls?from=2026-11-03&to=2026-11-03", head).get("totalItems").asLong()).isZero();
        assertThat(api.getJson("/api/dashboard/summary?from=2026-11-03&to=2026-11-03", head).get("totalCalls")
                .asLong()).isZero();

        send(Topics.CALLS_ANALYZED, "erase-1",
                TestEvents.analyzed("erase-1", org, "alice", 90, Outcome.WON, 0.5, T0.plusSeconds(7200)));
        send(Topics.CALLS_RECORDED, "erase-1", null);
        send(Topics.CALLS_ANALYZED, "erase-1", null);
        send(Topics.CALLS_RECORDED, "erase-1", TestEvents.recorded("erase-1", org, "alice", "Alice", "Budget", T0));
        send(Topics.CALLS_RECORDED, "after-erase-1", TestEvents.recorded("after-erase-1", org, "alice", "Alice",
                "Next", T0));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/calls/after-erase-1", head).statusCode()
                == 200);
        assertThat(api.get("/api/calls/erase-1", head).statusCode()).isEqualTo(404);
        assertThat(mongo.getCollection("call_records").countDocuments(new Document("_id", "erase-1"))).isZero();
        assertThat(mongo.getCollection("call_days").find().into(new ArrayList<>()).toString())
                .doesNotContain("callId=erase-1,");
        assertThat(api.delete("/api/calls/erase-1", head).statusCode()).as("already gone").isEqualTo(404);
        assertThat(deadLetters("erase-1")).as("tombstones are not dead letters").isEmpty();
    }

    @Test
    void anErasureRequestForAMemberErasesEveryCallCreditedToThemAndNoOneElses() {
        String org = "org-erase-user-" + UUID.randomUUID();
        send(Topics.CALLS_RECORDED, "user-1", TestEvents.recorded("user-1", org, "carla", "Carla", "One", T0));
        send(Topics.CALLS_RECORDED, "user-2", TestEvents.recorded("user-2", org, "carla", "Carla", "Two", T0));
        send(Topics.CALLS_RECORDED, "user-3", TestEvents.recorded("user-3", org, "dave", "Dave", "Three", T0));
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/calls", head).get("totalItems")
                .asLong() == 3);

        send(Topics.CALLS_ERASURE_REQUESTED, "carla",
                UserCallsErasureRequested.of("carla", org, "carla", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> api.getJson("/api/calls", head).get("totalItems")
                .asLong() == 1);
        assertThat(api.getJson("/api/calls", head).get("items").get(0).get("callId").asString()).isEqualTo("user-3");
        assertThat(mongo.getCollection("erased_calls").countDocuments(new Document("orgId", org))).isEqualTo(2);
    }

    private static String status(Api api, String token) {
        var response = api.get("/api/calls/erase-1", token);
        return response.statusCode() == 200 ? Api.json(response.body()).get("status").asString() : null;
    }

    private void send(String topic, String key, Object value) {
        var producer = new DefaultKafkaProducerFactory<String, Object>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            new KafkaTemplate<>(producer).send(topic, key, value).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            producer.destroy();
        }
    }

    private ConsumerRecord<String, byte[]> readOne(String topic, String key) {
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private List<String> deadLetters(String key) {
        List<String> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.CALLS_RECORDED),
                    Topics.deadLetterOf(Topics.CALLS_ANALYZED)));
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r.topic());
                    }
                });
            }
        }
        return found;
    }

    private Consumer<String, byte[]> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "erasure-test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }
}
