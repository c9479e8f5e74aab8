package com.salesai.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the running stack still holds of an erased call: in every service's database, and on the topics. */
final class ErasureProbe {
    /** Every service's own database (design: "Each service owns its own MongoDB database"). */
    private static final List<String> DATABASES = List.of("fathom_ingest", "fathom_integration", "fathom_analysis",
            "fathom_dashboard");
    private final StackConfig config;

    ErasureProbe(StackConfig config) {
        this.config = config;
    }

    /** "database.collection _id" of every document, in every service's database, whose JSON contains {@code text}. */
    List<String> documentsContaining(String text) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + config.mongoPort())) {
            for (String name : DATABASES) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        if (document.toJson().contains(text)) {
                            found.add(name + "." + collection + " " + document.get("_id"));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The records of {@code topic} with {@code key}, oldest first; a tombstone's value is null. */
    List<String> valuesOf(String topic, String key) {
        List<String> values = new ArrayList<>();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        values.add(record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
    }
}
