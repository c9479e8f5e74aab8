package com.salesai.integration.config;

import com.salesai.integration.IntegrationTestBase;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics this service creates, as the broker reports them: compacted for replay, and calls.recorded taking the
 * imports of calls as large as the ingest accepts (3 x the default 10 MiB body limit), which the producer can send.
 */
class DeclaredTopicsTest extends IntegrationTestBase {
    private static final String RECORD_BYTES = Integer.toString(30 * 1024 * 1024);

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private ProducerFactory<String, Object> producerFactory;

    @Test
    void callsRecordedIsCompactedAndTakesTheLargestCall() throws Exception {
        Config config = describe(Topics.CALLS_RECORDED);

        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("max.message.bytes").value()).isEqualTo(RECORD_BYTES);
        assertThat(producerFactory.getConfigurationProperties().get("max.request.size").toString())
                .isEqualTo(RECORD_BYTES);
    }

    @Test
    void integrationsAreCompacted() throws Exception {
        assertThat(describe(Topics.INTEGRATIONS).get("cleanup.policy").value()).isEqualTo("compact");
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        }
    }
}
