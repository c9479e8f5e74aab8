package com.salesai.bench.scaling;

import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads {@code calls.analyzed} from the beginning (all partitions assigned, no group) until it has seen every
 * expected callId or the deadline passes; says when the last one arrived.
 */
final class AnalyzedCounter {

    private AnalyzedCounter() {
    }

    /** Distinct calls analyzed, and the nanoTime the last of them was read (or -1 if none). */
    record Count(int calls, long lastAtNanos) {
    }

    static Count await(String bootstrap, int partitions, Set<String> expected, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // the default 500 ms wait for a fuller fetch would blur when the last call arrived
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        Set<String> seen = new HashSet<>();
        long last = -1;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(Topics.CALLS_ANALYZED, p)).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (seen.size() < expected.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    String callId = EventJson.mapper().readTree(record.value()).path("callId").asString("");
                    if (expected.contains(callId) && seen.add(callId)) {
                        last = System.nanoTime();
                    }
                }
            }
        }
        return new Count(seen.size(), last);
    }
}
