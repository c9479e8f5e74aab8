package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics the services declare, as they declare them (common-schema {@link TopicConfigs}: the names,
 * the partition counts of the one setting, the configs of the default limits), leaving existing ones to the
 * services, which align their configs.
 */
final class TopicSetup {

    private TopicSetup() {
    }

    static List<NewTopic> topics(TopicConfigs.Partitions partitions) {
        return TopicConfigs.declaredTopics().stream().map(name -> new NewTopic(name, partitions.of(name), (short) 1)
                .configs(TopicConfigs.of(name, TopicConfigs.Limits.defaults()))).toList();
    }

    static void ensure(String bootstrapServers, TopicConfigs.Partitions partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
