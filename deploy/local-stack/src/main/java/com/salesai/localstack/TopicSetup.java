package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the design's topics with their partition counts and the services' configs (common-schema
 * {@link TopicConfigs}, default limits), leaving existing ones to the services, which align their configs.
 */
final class TopicSetup {
    private static final List<String> CALL_TOPICS =
            List.of(Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED, Topics.CALLS_REVIEWED,
                    Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED);
    private static final int QUARANTINE_PARTITIONS = 3;

    private TopicSetup() {
    }

    static List<NewTopic> topics(int callPartitions) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(Topics.INTEGRATIONS, callPartitions));
        topics.add(topic(Topics.deadLetterOf(Topics.INTEGRATIONS), callPartitions));
        topics.add(topic(Topics.INGEST_QUARANTINE, QUARANTINE_PARTITIONS));
        for (String topic : CALL_TOPICS) {
            topics.add(topic(topic, callPartitions));
            topics.add(topic(Topics.deadLetterOf(topic), callPartitions));
        }
        return topics;
    }

    private static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(TopicConfigs.of(name, TopicConfigs.Limits.defaults()));
    }

    static void ensure(String bootstrapServers, int callPartitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(callPartitions).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
