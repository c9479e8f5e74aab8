package com.salesai.dashboard;

import com.salesai.schema.events.EventJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events onto the embedded broker's topics as their producers write them, and a key's records read back. */
public record TestTopics(EmbeddedKafkaBroker broker) {

    /** {@code value} as JSON without type headers, or a tombstone when null; acknowledged before it returns. */
    public void send(String topic, String key, Object value) {
        var producer = new DefaultKafkaProducerFactory<String, Object>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            new KafkaTemplate<>(producer).send(topic, key, value).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            producer.destroy();
        }
    }

    /** Every record of {@code key} on {@code topic}, oldest first (a tombstone's value is null), read until idle. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            long idleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < idleUntil) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                    idleUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return found;
    }
}
