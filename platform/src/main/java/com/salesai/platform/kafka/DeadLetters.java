package com.salesai.platform.kafka;

import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record whose attempts are spent to {@code <topic>.DLT}, the design's name (spring-kafka 4 defaults to
 * {@code -dlt}), on the partition it came from, which exists because {@link DeclaredTopics} gives a DLT the partition
 * count of its source. The record goes as it was read (listeners convert values, consumers read bytes), so a record
 * that could not be read at all keeps its original bytes, with the exception in spring-kafka's {@code kafka_dlt-*}
 * headers. Throws when the DLT does not acknowledge: the error handler then delivers the record again.
 */
public class DeadLetters {
    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetters(KafkaOperations<?, ?> kafka) {
        this.recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
    }

    public void publish(ConsumerRecord<?, ?> record, Exception exception) {
        recoverer.accept(record, exception);
    }

    /** For the error handler, which passes the consumer along (the DLT record then names the consumer group). */
    ConsumerRecordRecoverer recoverer() {
        return recoverer;
    }
}
