package com.salesai.analysis.flow;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reads a topic from the beginning and returns the values of the records with one key. */
public final class TopicReader {
    /** CallRecordedListener's consumer group. */
    public static final String RECORDED_GROUP = "analysis";

    private TopicReader() {
    }

    /**
     * Waits until {@code expected} records with {@code key} arrived and everything already on the topic was read,
     * then keeps reading for {@code settle} more (so "none" and "exactly one" are meaningful).
     */
    public static List<String> valuesOf(String bootstrap, String topic, String key, int expected, Duration settle) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            Instant settledAt = null;
            while (Instant.now().isBefore(deadline) && (settledAt == null || Instant.now().isBefore(settledAt))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
                if (settledAt == null && values.size() >= expected && readToEnd(consumer)) {
                    settledAt = Instant.now().plus(settle);
                }
            }
        }
        return values;
    }

    /**
     * Waits until the consumer group {@code group} committed past {@code record}: the service is done with it, so
     * whatever it publishes for it is on its topics (its sends are acknowledged before it commits), and nothing
     * redelivers it.
     */
    public static void awaitProcessed(String bootstrap, String group, RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static boolean readToEnd(KafkaConsumer<String, String> consumer) {
        var assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        return consumer.endOffsets(assigned).entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
