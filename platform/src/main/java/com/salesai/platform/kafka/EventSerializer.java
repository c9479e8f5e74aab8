package com.salesai.platform.kafka;

import com.salesai.schema.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Every service's value serializer ({@code spring.kafka.producer.value-serializer}): events as JSON of
 * {@link EventJson#mapper()} without type headers (each consumer knows the type of its topic), {@code byte[]} as it
 * is (quarantined bodies, dead letters, DLT replays), null as a tombstone. Public because Kafka instantiates it by
 * name.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        return EventJson.mapper().writeValueAsBytes(data);
    }
}
