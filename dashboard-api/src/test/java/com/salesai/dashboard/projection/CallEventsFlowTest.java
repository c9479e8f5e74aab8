package com.salesai.dashboard.projection;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;
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
    void skippedAndFlaggedAnalysesThroughTheTopicsReachListDetailAndSummary() throws Exception {
        String org = "org-flow-v2";
        var shared = TestEvents.recorded("flow-2", org, "alice", "Carl Outsider", "Partner sync", T0, null,
                Attribution.SHARED);
        var skipped = TestEvents.skipped("flow-2", org, "alice", SkipReason.RECORDED_OUTSIDE_ORG, T0.plusSeconds(60));
        var recorded = TestEvents.recorded("flow-3", org, "alice", "Alice Martin", "Demo Stark", T0.plusSeconds(900),
                "Enterprise", Attribution.RECORDER);
        var analyzed = TestEvents.analyzed("flow-3", org, "alice", 60, Outcome.ADVANCED, 0.5, T0.plusSeconds(4000));
        var invented = new Evaluation.Evidence("Nous avons signé hier", "00:12:00", false, null);
        var evaluation = analyzed.evaluation();
        var withInvented = new Evaluation(List.of(new Evaluation.CriterionScore("discovery", "Découverte",
                1.0, 2, false, List.of(invented))), evaluation.overallScore(), evaluation.outcome(),
                evaluation.summary(), evaluation.strengths(), evaluation.improvements(), evaluation.nextSteps(),
                evaluation.risks(), evaluation.coaching(), evaluation.language(), evaluation.scorecard(), 0, 1);
        var flagged = TestEvents.flagged(new CallAnalyzed(1, analyzed.eventId(), analyzed.occurredAt(), "flow-3", org,
                "alice", analyzed.mode(), analyzed.metrics(), withInvented, analyzed.model(), "v2",
                analyzed.tokenUsage(), analyzed.estimatedCostUsd(), false, analyzed.analyzedAt(), null, List.of(), true,
                2), CallAnalyzed.FLAG_POSSIBLE_PROMPT_INJECTION);
        var producer = new DefaultKafkaProducerFactory<String, Object>(
                KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            KafkaTemplate<String, Object> template = new KafkaTemplate<>(producer);
            template.send(Topics.CALLS_ANALYZED, "flow-2", skipped).get();      // before its recording
            template.send(Topics.CALLS_RECORDED, "flow-2", shared).get();
            template.send(Topics.CALLS_RECORDED, "flow-3", recorded).get();
            template.send(Topics.CALLS_ANALYZED, "flow-3", flagged).get();
        } finally {
            producer.destroy();
        }

        Api api = new Api(port);
        String head = Tokens.token("boss", org, "head_of_sales");
        JsonNode page = await(() -> {
            JsonNode json = api.getJson("/api/calls?from=2026-10-20&to=2026-10-20", head);
            boolean allApplied = json.get("totalItems").asLong() == 2 && json.findValues("status").stream()
                    .map(JsonNode::asString).toList().containsAll(List.of("skipped", "evaluated"));
            return allApplied ? json : null;
        });

        JsonNode sharedItem = page.get("items").get(1);
        assertThat(sharedItem.get("callId").asString()).isEqualTo("flow-2");
        assertThat(sharedItem.get("skipReason").asString()).isEqualTo("recorded_outside_org");
        assertThat(sharedItem.get("attribution").asString()).isEqualTo("shared");
        JsonNode detail = api.getJson("/api/calls/flow-3", head);
        JsonNode quote = detail.get("evaluation").get("scores").get(0).get("evidence").get(0);
        assertThat(quote.get("verified").asBoolean()).isFalse();
        assertThat(detail.get("evaluation").get("scores").get(0).get("supported").asBoolean()).isFalse();
        assertThat(detail.get("reviewFlags").get(0).asString()).isEqualTo("possible_prompt_injection");
        assertThat(detail.get("transcriptTruncated").asBoolean()).isTrue();
        assertThat(detail.get("team").asString()).isEqualTo("Enterprise");
        JsonNode summary = api.getJson("/api/dashboard/summary?from=2026-10-20&to=2026-10-20", head);
        assertThat(summary.get("totalCalls").asLong()).isEqualTo(2);
        assertThat(summary.get("skippedCalls").asLong()).isEqualTo(1);
        assertThat(summary.get("reps").size()).isEqualTo(1);
        assertThat(summary.get("reps").get(0).get("calls").asLong()).isEqualTo(1);
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
