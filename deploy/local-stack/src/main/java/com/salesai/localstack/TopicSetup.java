package com.salesai.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Creates the design's topics with their partition counts and compaction, leaving existing ones untouched. */
final class TopicSetup {
    private static final List<String> CALL_TOPICS = List.of("calls.recorded", "calls.analyzed", "calls.analysis-failed");

    private TopicSetup() {
    }

    static List<NewTopic> topics(int callPartitions) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic("fathom.integrations", callPartitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic("fathom.integrations.DLT", callPartitions, (short) 1));
        topics.add(new NewTopic("ingest.quarantine", 3, (short) 1));
        for (String topic : CALL_TOPICS) {
            topics.add(new NewTopic(topic, callPartitions, (short) 1));
            topics.add(new NewTopic(topic + ".DLT", callPartitions, (short) 1));
        }
        return topics;
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
