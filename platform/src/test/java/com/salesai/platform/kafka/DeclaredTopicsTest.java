package com.salesai.platform.kafka;

import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredTopicsTest {
    private static final PlatformKafkaProperties.TopicSettings CLUSTER =
            new PlatformKafkaProperties.TopicSettings(24, 2, 5, 3, 2, 1024L * 1024, Duration.ofDays(7));

    private final DeclaredTopics topics = new DeclaredTopics(CLUSTER);

    @Test
    void thePartitionCountFollowsFromTheNameAndADeadLetterTopicHasItsSources() {
        Map<String, NewTopic> declared = declare(Topics.CALLS_RECORDED, Topics.deadLetterOf(Topics.CALLS_RECORDED),
                Topics.CALLS_ANALYZED, Topics.INTEGRATIONS, Topics.deadLetterOf(Topics.INTEGRATIONS),
                Topics.INGEST_QUARANTINE);

        assertThat(declared.get(Topics.CALLS_RECORDED).numPartitions()).isEqualTo(24);
        assertThat(declared.get(Topics.deadLetterOf(Topics.CALLS_RECORDED)).numPartitions()).isEqualTo(24);
        assertThat(declared.get(Topics.CALLS_ANALYZED).numPartitions()).isEqualTo(24);
        assertThat(declared.get(Topics.INTEGRATIONS).numPartitions()).isEqualTo(2);
        assertThat(declared.get(Topics.deadLetterOf(Topics.INTEGRATIONS)).numPartitions()).isEqualTo(2);
        assertThat(declared.get(Topics.INGEST_QUARANTINE).numPartitions()).isEqualTo(5);
    }

    @Test
    void configsAreCommonSchemasPlusTheClustersReplication() {
        Map<String, NewTopic> declared = declare(Topics.CALLS_RECORDED, Topics.deadLetterOf(Topics.CALLS_ANALYZED));

        NewTopic recorded = declared.get(Topics.CALLS_RECORDED);
        assertThat(recorded.configs()).containsEntry("cleanup.policy", "compact")
                .containsEntry("max.message.bytes", Integer.toString(3 * 1024 * 1024))
                .containsEntry("min.insync.replicas", "2");
        assertThat(recorded.replicationFactor()).isEqualTo((short) 3);
        assertThat(declared.get(Topics.deadLetterOf(Topics.CALLS_ANALYZED)).configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void withoutReplicationSettingsTheBrokerDecides() {
        var brokerDefaults = new DeclaredTopics(new PlatformKafkaProperties.TopicSettings(12, 3, 3, null, null,
                null, null));

        NewTopic recorded = brokerDefaults.topics(Topics.CALLS_RECORDED).get(0);

        assertThat(recorded.replicationFactor()).isEqualTo((short) -1);
        assertThat(recorded.configs()).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void aBroadcastTopicHasOnePartitionAndExpires() {
        NewTopic broadcast = topics.broadcast("dashboard.call-status", Duration.ofHours(1));

        assertThat(broadcast.numPartitions()).isEqualTo(1);
        assertThat(broadcast.replicationFactor()).isEqualTo((short) 3);
        assertThat(broadcast.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "3600000").containsEntry("min.insync.replicas", "2");
    }

    private Map<String, NewTopic> declare(String... names) {
        return topics.topics(names).stream()
                .collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
