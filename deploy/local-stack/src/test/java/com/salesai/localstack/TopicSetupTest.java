package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack creates the topics the services would declare, with the same configs. */
class TopicSetupTest {

    @Test
    void replayedTopicsAreCompactedAndDeadLettersExpire() {
        Map<String, NewTopic> topics = TopicSetup.topics(TopicConfigs.Partitions.defaults()).stream()
                .collect(Collectors.toMap(NewTopic::name, Function.identity()));

        assertThat(topics).containsOnlyKeys("fathom.integrations", "ingest.quarantine",
                "calls.recorded", "calls.recorded.DLT", "calls.analyzed", "calls.analyzed.DLT",
                "calls.analysis-failed", "calls.analysis-failed.DLT", "calls.reviewed", "calls.reviewed.DLT",
                "calls.erased", "calls.erased.DLT", "calls.erasure-requested", "calls.erasure-requested.DLT");
        for (String compacted : new String[] {"calls.recorded", "calls.analyzed",
                "calls.analysis-failed", "calls.reviewed", "calls.erased", "calls.erasure-requested"}) {
            assertThat(topics.get(compacted).configs()).as(compacted).containsEntry("cleanup.policy", "compact")
                    .doesNotContainKey("retention.ms");
            assertThat(topics.get(compacted).numPartitions()).as(compacted).isEqualTo(12);
        }
        for (String expiring : new String[] {"ingest.quarantine", "calls.recorded.DLT", "calls.analyzed.DLT"}) {
            assertThat(topics.get(expiring).configs()).as(expiring).containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
        }
        String thirtyMiB = Integer.toString(30 * 1024 * 1024);
        assertThat(topics.get("calls.recorded").configs()).containsEntry("max.message.bytes", thirtyMiB);
        assertThat(topics.get("ingest.quarantine").configs()).containsEntry("max.message.bytes", thirtyMiB);
        assertThat(topics.get("ingest.quarantine").numPartitions()).isEqualTo(3);
    }

    /** As the services declare them (platform DeclaredTopics): a stack with other counts has them raised later. */
    @Test
    void partitionCountsAreTheServicesOneSetting() {
        Map<String, Integer> partitions = TopicSetup.topics(new TopicConfigs.Partitions(24, 6, 2)).stream()
                .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        assertThat(partitions).containsEntry("fathom.integrations", 6).containsEntry("ingest.quarantine", 2)
                .containsEntry("calls.recorded", 24).containsEntry("calls.erasure-requested.DLT", 24);
        assertThat(TopicSetup.topics(TopicConfigs.Partitions.defaults())).filteredOn(t -> t.name()
                .equals("fathom.integrations")).singleElement().extracting(NewTopic::numPartitions).isEqualTo(3);
    }
}
