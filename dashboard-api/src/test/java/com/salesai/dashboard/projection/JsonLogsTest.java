package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EcsLog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code LOG_FORMAT=json}, as in a container: the start-up and a projected event, as the log collector reads them; the
 * projection's line carries the trace of the event's {@code traceparent} header.
 */
@DashboardIntegrationTest
@TestPropertySource(properties = "LOG_FORMAT=json")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void everyLineIsAnEcsObjectAndTheProjectionLineCarriesItsCall(CapturedOutput output) throws Exception {
        assertThat(EcsLog.find(output.getOut(), "Started JsonLogsTest")).as("the start-up, captured").isPresent();
        var recorded = TestEvents.recorded("json-logs-1", "org-json", "alice", "Alice Martin", "Logged call",
                Instant.parse("2026-10-20T14:00:00Z"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var producer = new DefaultKafkaProducerFactory<String, Object>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            var record = new ProducerRecord<String, Object>(Topics.CALLS_RECORDED, recorded.callId(), recorded);
            record.headers().add("traceparent",
                    ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
            new KafkaTemplate<>(producer).send(record).get();
        } finally {
            producer.destroy();
        }

        String applied = "call json-logs-1 recorded event applied";
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(applied));
        EcsLog.assertCarries(EcsLog.find(output.getOut(), applied).orElseThrow(),
                Map.of("callId", "json-logs-1", "orgId", "org-json", "userId", "alice", "traceId", traceId));
    }
}
