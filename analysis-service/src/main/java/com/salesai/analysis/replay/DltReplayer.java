package com.salesai.analysis.replay;

import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-drives calls.recorded.DLT into calls.recorded, as raw bytes with the original key. The position is stored as
 * the committed offset of consumer group {@value #GROUP}: each replay starts where the previous one stopped (the
 * beginning the first time) and reads up to the end offsets seen when it started. Offsets are committed only
 * after every re-published record was acked, so a failed replay is redone, never skipped.
 */
@Component
class DltReplayer {
    static final String GROUP = "analysis-dlt-replay";
    private static final Logger log = LoggerFactory.getLogger(DltReplayer.class);
    private static final Duration MAX_REPLAY_TIME = Duration.ofSeconds(60);

    private final KafkaProperties kafkaProperties;
    private final KafkaTemplate<String, Object> kafka;

    DltReplayer(KafkaProperties kafkaProperties, KafkaTemplate<String, Object> kafka) {
        this.kafkaProperties = kafkaProperties;
        this.kafka = kafka;
    }

    synchronized int replay() {
        String dlt = Topics.deadLetterOf(Topics.CALLS_RECORDED);
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        int replayed = 0;
        try (Consumer<String, byte[]> consumer = factory.createConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(p -> new TopicPartition(dlt, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(MAX_REPLAY_TIME);
            while (!reachedEnd(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        republish(record);
                        replayed++;
                    }
                }
            }
            consumer.commitSync(end.entrySet().stream()
                    .filter(e -> consumer.position(e.getKey()) >= e.getValue())
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> new OffsetAndMetadata(e.getValue()))));
        }
        log.info("Replayed {} record(s) from {} to {}", replayed, dlt, Topics.CALLS_RECORDED);
        return replayed;
    }

    private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void republish(ConsumerRecord<String, byte[]> record) {
        try {
            kafka.send(Topics.CALLS_RECORDED, record.key(), record.value()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the DLT", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("re-publishing DLT record " + record.partition() + "@" + record.offset()
                    + " (key " + record.key() + ") failed", e);
        }
    }
}
