package com.salesai.platform.kafka;

import com.salesai.schema.events.TopicConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

import java.time.Duration;

/**
 * The Kafka settings every service shares, prefix {@code app.kafka}. The design's environment variables are mapped
 * onto them once, in {@code platform-defaults.properties}, with empty defaults ({@code ${CALLS_TOPIC_PARTITIONS:}}):
 * an empty value binds as none, so the defaults stay written here only, hence the boxed numbers.
 *
 * @param publishTimeout how long a send waits for the broker's acknowledgement ({@link AckedSender})
 * @param topics         partition counts, replication and the size and retention inputs of the declared topics
 * @param retry          the back-off of a failing record before it is recovered (dead-lettered)
 */
@ConfigurationProperties("app.kafka")
public record PlatformKafkaProperties(@DefaultValue("10s") Duration publishTimeout, @DefaultValue TopicSettings topics,
                                      @DefaultValue Retry retry) {

    /**
     * @param callsPartitions        partitions of every {@code calls.*} topic and of every DLT
     *                               ({@code CALLS_TOPIC_PARTITIONS}): the most analysis consumers that can share the
     *                               work; none: {@link TopicConfigs.Partitions#DEFAULT_CALLS}
     * @param integrationsPartitions partitions of {@code fathom.integrations}; none: the default of
     *                               {@link TopicConfigs.Partitions}
     * @param quarantinePartitions   partitions of {@code ingest.quarantine}; none: the default of
     *                               {@link TopicConfigs.Partitions}
     * @param replication            replicas of every declared topic ({@code KAFKA_TOPIC_REPLICATION}); none: the
     *                               broker's default
     * @param minInsyncReplicas      {@code min.insync.replicas} of every declared topic ({@code KAFKA_MIN_INSYNC_REPLICAS});
     *                               none: the broker's default
     * @param maxBodyBytes           the ingest's webhook body limit ({@code INGEST_MAX_BODY_BYTES}), which sizes records,
     *                               producers and topics; 0: {@link TopicConfigs#DEFAULT_MAX_BODY_BYTES}
     * @param deadLetterRetention    how long DLTs and {@code ingest.quarantine} keep records
     *                               ({@code KAFKA_DEAD_LETTER_RETENTION}); none: {@link TopicConfigs#DEFAULT_DEAD_LETTER_RETENTION}
     */
    public record TopicSettings(Integer callsPartitions, Integer integrationsPartitions, Integer quarantinePartitions,
                                Integer replication, Integer minInsyncReplicas, Long maxBodyBytes,
                                Duration deadLetterRetention) {

        /** The partition count of each topic, as the local stack creates them too. */
        public TopicConfigs.Partitions partitions() {
            return new TopicConfigs.Partitions(callsPartitions, integrationsPartitions, quarantinePartitions);
        }

        public TopicConfigs.Limits limits() {
            return new TopicConfigs.Limits(maxBodyBytes == null ? 0 : maxBodyBytes, deadLetterRetention);
        }
    }

    /**
     * @param attempts        deliveries of a failing record in all, the first included
     * @param initialInterval the wait before the second delivery, multiplied by {@code multiplier} before each next
     *                        one, up to {@code maxInterval}
     */
    public record Retry(@DefaultValue("4") Integer attempts, @DefaultValue("2s") Duration initialInterval,
                        @DefaultValue("2.0") Double multiplier, @DefaultValue("60s") Duration maxInterval) {

        public Retry {
            if (attempts == null || attempts < 1) {
                throw new IllegalArgumentException("app.kafka.retry.attempts must be at least 1, was " + attempts);
            }
            // spring-kafka bounds the retries by the time they take: with no wait at all there would be one retry
            if (initialInterval == null || initialInterval.isZero() || initialInterval.isNegative()) {
                throw new IllegalArgumentException("app.kafka.retry.initial-interval must be positive");
            }
        }

        BackOff backOff() {
            var backOff = new ExponentialBackOffWithMaxRetries(attempts - 1);
            backOff.setInitialInterval(initialInterval.toMillis());
            backOff.setMultiplier(multiplier);
            backOff.setMaxInterval(maxInterval.toMillis());
            return backOff;
        }
    }
}
