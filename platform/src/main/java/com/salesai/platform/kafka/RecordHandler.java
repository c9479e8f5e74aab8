package com.salesai.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a {@link TopicFollower} or {@link TopicFollowers#readToEnd} does with each record; values are raw bytes. */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record);
}
