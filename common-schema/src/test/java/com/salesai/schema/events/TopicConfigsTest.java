package com.salesai.schema.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TopicConfigsTest {
    private static final TopicConfigs.Limits LIMITS = new TopicConfigs.Limits(10L * 1024 * 1024, Duration.ofDays(45));
    private static final String RECORD_BYTES = Integer.toString(30 * 1024 * 1024);
    private static final String RETENTION = Long.toString(Duration.ofDays(45).toMillis());

    @Test
    void replayedTopicsAreCompactedWithoutATimeLimit() {
        for (String topic : new String[] {Topics.INTEGRATIONS, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED,
                Topics.CALLS_REVIEWED, Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED}) {
            assertThat(TopicConfigs.of(topic, LIMITS)).as(topic)
                    .containsExactly(entry(TopicConfigs.CLEANUP_POLICY, TopicConfigs.COMPACT));
        }
        assertThat(TopicConfigs.of(Topics.CALLS_RECORDED, LIMITS)).containsOnly(
                entry(TopicConfigs.CLEANUP_POLICY, TopicConfigs.COMPACT),
                entry(TopicConfigs.MAX_MESSAGE_BYTES, RECORD_BYTES));
    }

    @Test
    void deadLettersAndQuarantineAreDeletedAfterTheRetention() {
        assertThat(TopicConfigs.of(Topics.deadLetterOf(Topics.CALLS_ANALYZED), LIMITS)).containsOnly(
                entry(TopicConfigs.CLEANUP_POLICY, TopicConfigs.DELETE), entry(TopicConfigs.RETENTION_MS, RETENTION));
        assertThat(TopicConfigs.of(Topics.deadLetterOf(Topics.INTEGRATIONS), LIMITS))
                .containsEntry(TopicConfigs.CLEANUP_POLICY, TopicConfigs.DELETE)
                .doesNotContainKey(TopicConfigs.MAX_MESSAGE_BYTES);
        for (String topic : new String[] {Topics.INGEST_QUARANTINE, Topics.deadLetterOf(Topics.INGEST_QUARANTINE),
                Topics.deadLetterOf(Topics.CALLS_RECORDED)}) {
            assertThat(TopicConfigs.of(topic, LIMITS)).as(topic).containsOnly(
                    entry(TopicConfigs.CLEANUP_POLICY, TopicConfigs.DELETE), entry(TopicConfigs.RETENTION_MS, RETENTION),
                    entry(TopicConfigs.MAX_MESSAGE_BYTES, RECORD_BYTES));
        }
    }

    @Test
    void recordSizeFollowsTheBodyLimitAndProducersCanSendIt() {
        TopicConfigs.Limits defaults = TopicConfigs.Limits.defaults();
        assertThat(defaults.maxBodyBytes()).isEqualTo(TopicConfigs.DEFAULT_MAX_BODY_BYTES);
        assertThat(defaults.deadLetterRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.maxRecordBytes()).isEqualTo(3 * 10 * 1024 * 1024);
        assertThat(new TopicConfigs.Limits(20L * 1024 * 1024, null).maxRecordBytes()).isEqualTo(60 * 1024 * 1024);
        assertThat(new TopicConfigs.Limits(Long.MAX_VALUE / 4, null).maxRecordBytes()).isEqualTo(Integer.MAX_VALUE);

        Map<String, Object> producer = LIMITS.producerOverrides();
        assertThat(producer).containsEntry(TopicConfigs.MAX_REQUEST_SIZE, 30 * 1024 * 1024)
                .containsEntry(TopicConfigs.BUFFER_MEMORY, 60L * 1024 * 1024);
        assertThat(new TopicConfigs.Limits(65536, null).producerOverrides())
                .containsEntry(TopicConfigs.BUFFER_MEMORY, 32L * 1024 * 1024);
    }

    @Test
    void anUnknownTopicHasNoConfiguration() {
        assertThatThrownBy(() -> TopicConfigs.of("calls.unknown", LIMITS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calls.unknown");
    }

    @Test
    void aDeadLetterTopicHasItsSourcesPartitions() {
        TopicConfigs.Partitions partitions = new TopicConfigs.Partitions(24, 6, null);

        assertThat(partitions.of(Topics.CALLS_RECORDED)).isEqualTo(24);
        assertThat(partitions.of(Topics.deadLetterOf(Topics.CALLS_ERASED))).isEqualTo(24);
        assertThat(partitions.of(Topics.INTEGRATIONS)).isEqualTo(6);
        assertThat(partitions.of(Topics.INGEST_QUARANTINE)).isEqualTo(TopicConfigs.Partitions.DEFAULT_QUARANTINE);
        assertThat(TopicConfigs.Partitions.defaults()).isEqualTo(new TopicConfigs.Partitions(12, 3, 3));
    }

    @Test
    void partitionsComeFromTheDesignsVariables() {
        Map<String, String> environment = Map.of("CALLS_TOPIC_PARTITIONS", " 24 ", "INGEST_QUARANTINE_PARTITIONS", "");

        assertThat(TopicConfigs.Partitions.fromEnvironment(environment::get))
                .isEqualTo(new TopicConfigs.Partitions(24, 3, 3));
    }

    @Test
    void everyDeclaredTopicHasAConfigurationAndTheCallTopicsTheirDeadLetters() {
        assertThat(TopicConfigs.declaredTopics()).containsExactlyInAnyOrder(Topics.INTEGRATIONS,
                Topics.INGEST_QUARANTINE, Topics.CALLS_RECORDED, Topics.CALLS_ANALYZED, Topics.CALLS_ANALYSIS_FAILED,
                Topics.CALLS_REVIEWED, Topics.CALLS_ERASED, Topics.CALLS_ERASURE_REQUESTED,
                Topics.deadLetterOf(Topics.CALLS_RECORDED), Topics.deadLetterOf(Topics.CALLS_ANALYZED),
                Topics.deadLetterOf(Topics.CALLS_ANALYSIS_FAILED), Topics.deadLetterOf(Topics.CALLS_REVIEWED),
                Topics.deadLetterOf(Topics.CALLS_ERASED), Topics.deadLetterOf(Topics.CALLS_ERASURE_REQUESTED));
        TopicConfigs.declaredTopics().forEach(topic -> assertThat(TopicConfigs.of(topic, LIMITS)).isNotEmpty());
    }
}
