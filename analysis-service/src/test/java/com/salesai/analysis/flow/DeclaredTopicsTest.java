package com.salesai.analysis.flow;

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
 * The topics this service creates, as the broker reports them: the replayed results compacted, the dead letters of
 * calls.recorded kept 30 days and as large as any call, which the dead-letter producer can send.
 */
class DeclaredTopicsTest extends LlmFlowTestBase {
    private static final String RECORD_BYTES = Integer.toString(30 * 1024 * 1024);

    @Autowired
    private ProducerFactory<String, Object> producerFactory;

    @Test
    void resultsAreCompacted() throws Exception {
        assertThat(describe(Topics.CALLS_ANALYZED).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(describe(Topics.CALLS_ANALYSIS_FAILED).get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void deadLettersOfCallsRecordedAreKeptThirtyDaysAndTakeTheLargestCall() throws Exception {
        Config config = describe(Topics.deadLetterOf(Topics.CALLS_RECORDED));

        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(config.get("max.message.bytes").value()).isEqualTo(RECORD_BYTES);
        assertThat(producerFactory.getConfigurationProperties().get("max.request.size").toString())
                .isEqualTo(RECORD_BYTES);
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        }
    }
}
