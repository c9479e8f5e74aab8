package com.salesai.ingest.config;

import com.salesai.ingest.IngestSpringTest;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics this service creates carry the configs replay and big calls need, as the broker reports them, and the
 * producer that sends to them can send the largest record and keeps its guarantees.
 */
class DeclaredTopicsTest extends IngestSpringTest {
    @Autowired
    ProducerFactory<?, ?> producerFactory;

    @Test
    void callsRecordedIsCompactedAndTakesRecordsThreeTimesTheBodyLimit() throws Exception {
        Config config = describe(Topics.CALLS_RECORDED);

        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("max.message.bytes").value()).isEqualTo(Long.toString(3 * MAX_BODY_BYTES));
    }

    @Test
    void quarantineKeepsDeliveriesThirtyDaysAndTakesTheLargestRecord() throws Exception {
        Config config = describe(Topics.INGEST_QUARANTINE);

        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(config.get("max.message.bytes").value()).isEqualTo(Long.toString(3 * MAX_BODY_BYTES));
    }

    @Test
    void partitionCountsComeFromThePlatformsOneSetting() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            var topics = admin.describeTopics(List.of(Topics.CALLS_RECORDED, Topics.INGEST_QUARANTINE))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.CALLS_RECORDED).partitions()).as("app.kafka.topics.calls-partitions")
                    .hasSize(2);
            assertThat(topics.get(Topics.INGEST_QUARANTINE).partitions()).hasSize(1);
        }
    }

    @Test
    void theProducerKeepsAcksAllAndIdempotenceFailsFastAndTakesTheLargestRecord() {
        assertThat(producerFactory.getConfigurationProperties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.block.ms", "3000")
                .containsEntry("delivery.timeout.ms", "7000")
                .containsEntry("max.request.size", (int) (3 * MAX_BODY_BYTES));
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        }
    }
}
