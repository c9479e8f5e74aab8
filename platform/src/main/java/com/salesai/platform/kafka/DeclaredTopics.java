package com.salesai.platform.kafka;

import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a service declares the topics it produces (and the DLTs of those it consumes), in one line:
 * {@code topics.declare(Topics.CALLS_ANALYZED, ...)} as a bean. The partition count follows from the name, so every
 * service declaring a topic declares it alike and a DLT has its source's partitions ("same partition" always
 * exists); the configs are common-schema's {@link TopicConfigs}, plus the cluster's replication settings.
 */
public class DeclaredTopics {
    private final PlatformKafkaProperties.TopicSettings settings;

    DeclaredTopics(PlatformKafkaProperties.TopicSettings settings) {
        this.settings = settings;
    }

    /** {@link Topics}' names and their DLTs. */
    public KafkaAdmin.NewTopics declare(String... topics) {
        return new KafkaAdmin.NewTopics(topics(topics).toArray(NewTopic[]::new));
    }

    List<NewTopic> topics(String... names) {
        return Arrays.stream(names).map(name -> topic(name, partitions(name), TopicConfigs.of(name, settings.limits())))
                .toList();
    }

    /**
     * A topic every instance of a service reads from its end to pass notifications around: one partition, so they
     * keep the order they were sent in, deleted after {@code retention}.
     */
    public NewTopic broadcast(String name, Duration retention) {
        return topic(name, 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
    }

    int partitions(String topic) {
        return settings.partitions().of(topic);
    }

    private NewTopic topic(String name, int partitions, Map<String, String> configs) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).configs(configs);
        if (settings.minInsyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInsyncReplicas().toString());
        }
        if (settings.replication() != null) {
            builder.replicas(settings.replication());
        }
        return builder.build();
    }
}
