package com.salesai.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Readers of whole topics, outside listener containers, on consumers of Boot's factory ({@code spring.kafka.consumer.*},
 * client metrics) with {@code String} keys and {@code byte[]} values, never auto-committing.
 */
public class TopicFollowers {
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<?, ?> consumers;

    TopicFollowers(ConsumerFactory<?, ?> consumers) {
        this.consumers = consumers;
    }

    /** A {@link TopicFollower} of {@code topic}, from its beginning unless told otherwise. */
    public TopicFollower.Builder follow(String topic) {
        return new TopicFollower.Builder((clientId, partitionRefresh) -> consumer(null, clientId, partitionRefresh),
                topic);
    }

    /**
     * Reads {@code topic} as consumer group {@code group}, from the offsets it committed last time (the beginning the
     * first time) up to the end offsets the topic has now, handing every record below them to {@code handler}, then
     * commits the end of each partition read to its end, so the next read starts after it. Stops after
     * {@code within} (what is left is read next time). A handler failure propagates and commits nothing: that read
     * is redone, never skipped. Returns the number of records handled.
     */
    public int readToEnd(String topic, String group, Duration within, RecordHandler handler) {
        int handled = 0;
        try (Consumer<String, byte[]> consumer = consumer(group, group, null)) {
            List<TopicPartition> partitions = EndOffsets.partitionsOf(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(within);
            while (!EndOffsets.reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.handle(record);
                        handled++;
                    }
                }
            }
            consumer.commitSync(end.entrySet().stream()
                    .filter(partitionEnd -> consumer.position(partitionEnd.getKey()) >= partitionEnd.getValue())
                    .collect(Collectors.toMap(Map.Entry::getKey, partitionEnd -> new OffsetAndMetadata(
                            partitionEnd.getValue()))));
        }
        return handled;
    }

    /**
     * @param metadataMaxAge how old the consumer's view of the topic's partitions may get (its cached metadata is
     *                       what {@code partitionsFor} answers), or null for the configured one
     */
    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer(String group, String clientId, Duration metadataMaxAge) {
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (metadataMaxAge != null) {
            overrides.setProperty(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(metadataMaxAge.toMillis()));
        }
        return (Consumer<String, byte[]>) consumers.createConsumer(group, clientId, null, overrides);
    }
}
