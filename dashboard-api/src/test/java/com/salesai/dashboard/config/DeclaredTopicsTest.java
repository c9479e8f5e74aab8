package com.salesai.dashboard.config;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter topics this service creates, as the broker reports them: kept 30 days, and the one of
 * calls.recorded as large as any call, which the dead-letter producer can send.
 */
@DashboardIntegrationTest
class DeclaredTopicsTest {
    private static final String RECORD_BYTES = Integer.toString(30 * 1024 * 1024);
    private static final String THIRTY_DAYS = Long.toString(Duration.ofDays(30).toMillis());

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private KafkaTemplate<Object, Object> deadLetterTemplate;

    @Test
    void deadLettersAreKeptThirtyDays() throws Exception {
        for (String topic : List.of(Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED)) {
            Config config = describe(Topics.deadLetterOf(topic));
            assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("delete");
            assertThat(config.get("retention.ms").value()).as(topic).isEqualTo(THIRTY_DAYS);
        }
    }

    @Test
    void deadLettersOfCallsRecordedTakeTheLargestCall() throws Exception {
        assertThat(describe(Topics.deadLetterOf(Topics.CALLS_RECORDED)).get("max.message.bytes").value())
                .isEqualTo(RECORD_BYTES);
        assertThat(deadLetterTemplate.getProducerFactory().getConfigurationProperties().get("max.request.size")
                .toString()).isEqualTo(RECORD_BYTES);
    }

    @Test
    void limitsAreBoundFromTheSharedProperties() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("app.kafka-topics.max-body-bytes", "1048576")
                .withProperty("app.kafka-topics.dead-letter-retention", "7d");

        TopicConfigs.Limits limits = new KafkaConfig().topicLimits(environment);

        assertThat(limits.maxRecordBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(limits.deadLetterRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(new KafkaConfig().topicLimits(new MockEnvironment())).isEqualTo(TopicConfigs.Limits.defaults());
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        }
    }
}
