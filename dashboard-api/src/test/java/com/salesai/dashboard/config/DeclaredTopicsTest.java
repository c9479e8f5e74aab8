package com.salesai.dashboard.config;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics this service creates, as the broker reports them: dead letters kept 30 days with their sources'
 * partitions, the one of calls.recorded as large as any call, which the producer can send; the status broadcast with
 * one partition, kept an hour.
 */
@DashboardIntegrationTest
class DeclaredTopicsTest {
    private static final String RECORD_BYTES = Integer.toString(30 * 1024 * 1024);
    private static final String THIRTY_DAYS = Long.toString(Duration.ofDays(30).toMillis());
    /** The design's name of the topic dashboard instances pass status changes on. */
    private static final String STATUS_BROADCAST = "dashboard.call-status";

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private KafkaTemplate<Object, Object> kafkaTemplate;

    @Test
    void deadLettersAreKeptThirtyDays() throws Exception {
        for (String topic : List.of(Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED)) {
            Config config = describe(Topics.deadLetterOf(topic));
            assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("delete");
            assertThat(config.get("retention.ms").value()).as(topic).isEqualTo(THIRTY_DAYS);
        }
        assertThat(partitions(Topics.deadLetterOf(Topics.CALLS_RECORDED))).as("app.kafka.topics.calls-partitions")
                .isEqualTo(1);
    }

    @Test
    void theStatusBroadcastHasOnePartitionKeptAnHour() throws Exception {
        Config config = describe(STATUS_BROADCAST);

        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
        assertThat(partitions(STATUS_BROADCAST)).isEqualTo(1);
    }

    @Test
    void deadLettersOfCallsRecordedTakeTheLargestCall() throws Exception {
        assertThat(describe(Topics.deadLetterOf(Topics.CALLS_RECORDED)).get("max.message.bytes").value())
                .isEqualTo(RECORD_BYTES);
        assertThat(kafkaTemplate.getProducerFactory().getConfigurationProperties().get("max.request.size")
                .toString()).isEqualTo(RECORD_BYTES);
    }

    private int partitions(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        }
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        }
    }
}
