package com.salesai.dashboard.projection;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Events on the real topics → the read model → REST; undecodable records → DLT. */
@DashboardIntegrationTest
class CallEventsFlowTest {

    static final String ORG = "org-flow";
    static final Instant T0 = Instant.parse("2026-10-20T14:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void analysisBeforeRecordingThenRedeliveryEndsEvaluatedWithTheRecordingThroughRest() throws Exception {
        var analyzed = TestEvents.analyzed("flow-1", ORG, "alice", 81, Outcome.ADVANCED, 0.45, T0.plusSeconds(3600));
        var recorded = TestEvents.recorded("flow-1", ORG, "alice", "Alice Martin", "Kick-off Stark", T0);
        var producer = new DefaultKafkaProducerFactory<String, Object>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            KafkaTemplate<String, Object> template = new KafkaTemplate<>(producer);
            template.send(Topics.CALLS_ANALYZED, "flow-1", analyzed).get();
            template.send(Topics.CALLS_ANALYSIS_FAILED, "flow-1",
                    TestEvents.failed("flow-1", ORG, "alice", T0.plusSeconds(1800))).get();
            template.send(Topics.CALLS_RECORDED, "flow-1", recorded).get();
            template.send(Topics.CALLS_RECORDED, "flow-1", recorded).get();   // redelivery
        } finally {
            producer.destroy();
        }

        Api api = new Api(port);
        String head = Tokens.token("boss", ORG, "head_of_sales");
        JsonNode call = await(() -> {
            var response = api.get("/api/calls/flow-1", head);
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode json = Api.json(response.body());
            // The three topics are consumed independently: wait until every event has been applied.
            boolean allApplied = !json.get("title").isNull() && "evaluated".equals(json.get("status").asString());
            return allApplied ? json : null;
        });

        assertThat(call.get("status").asString()).isEqualTo("evaluated");
        assertThat(call.get("title").asString()).isEqualTo("Kick-off Stark");
        assertThat(call.get("overallScore").asInt()).isEqualTo(81);
        assertThat(call.get("failureReason").isNull()).isTrue();
        assertThat(api.getJson("/api/calls?q=stark", head).get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/calls/flow-1", Tokens.token("eve", "org-evil", "admin")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void undecodableRecordGoesToTheDeadLetterTopic() throws Exception {
        var producer = new DefaultKafkaProducerFactory<String, byte[]>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new ByteArraySerializer());
        try {
            new KafkaTemplate<>(producer).send(Topics.CALLS_RECORDED, "poison-1",
                    "{not json".getBytes(StandardCharsets.UTF_8)).get();
        } finally {
            producer.destroy();
        }
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.CALLS_RECORDED)));
            ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer,
                    Topics.deadLetterOf(Topics.CALLS_RECORDED), Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo("poison-1");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        }
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 20 s");
    }
}
