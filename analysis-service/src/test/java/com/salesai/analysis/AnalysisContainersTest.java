package com.salesai.analysis;

import com.salesai.analysis.flow.Calls;
import com.salesai.analysis.flow.TopicReader;
import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.ContainerImages;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics-only flow (no OpenAI key) against real {@code mongo} and {@code apache/kafka} images: a CallRecorded
 * becomes one CallAnalyzed, and the very event published is the one stored. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "app.auth.dev-secret=test-secret-of-at-least-32-characters!")
class AnalysisContainersTest {
    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.KAFKA);

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MongoTemplate mongo;

    /** calls.recorded belongs to the ingest service; made here so the listener is assigned it from the start. */
    @BeforeAll
    static void createCallsRecordedTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CALLS_RECORDED, 2, (short) 1))).all().get();
        }
    }

    @Test
    void callRecordedIsAnalyzedMetricsOnlyPublishedAndStored() throws Exception {
        var call = Calls.call("containers-metrics-only-call");
        kafka.send(Topics.CALLS_RECORDED, call.callId(), call).get();

        List<String> values = TopicReader.valuesOf(KAFKA.getBootstrapServers(), Topics.CALLS_ANALYZED, call.callId(),
                1, Duration.ofSeconds(1));
        assertThat(values).hasSize(1);
        CallAnalyzed analyzed = EventJson.mapper().readValue(values.get(0), CallAnalyzed.class);
        assertThat(analyzed.mode()).isEqualTo(AnalysisMode.METRICS_ONLY);
        assertThat(analyzed.evaluation()).isNull();
        assertThat(analyzed.orgId()).isEqualTo("org-1");
        assertThat(analyzed.metrics().available()).isTrue();
        assertThat(analyzed.metrics().repTalkRatio()).isEqualTo(0.545);

        Document stored = mongo.getCollection("analyses")
                .find(new Document("callId", call.callId()).append("analysisVersion", "metrics-only")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("mode")).isEqualTo(AnalysisMode.METRICS_ONLY.name());
        CallAnalyzed storedEvent = EventJson.mapper().readValue(stored.getString("eventJson"), CallAnalyzed.class);
        assertThat(storedEvent.eventId()).isEqualTo(analyzed.eventId());
    }
}
