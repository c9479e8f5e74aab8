package com.salesai.dashboard.stream;

import com.salesai.dashboard.projection.CallStatusChanged;
import com.salesai.platform.kafka.RecordHandler;
import com.salesai.schema.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Hands each status change read from the broadcast topic to this instance's {@link CallStatusHub}. Undecodable
 * records are logged and skipped: they are notifications, the read model does not depend on them.
 */
class StatusFeed implements RecordHandler {
    private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);

    private final CallStatusHub hub;

    StatusFeed(CallStatusHub hub) {
        this.hub = hub;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            hub.publish(EventJson.mapper().readValue(record.value(), CallStatusChanged.class));
        } catch (JacksonException e) {
            log.warn("skipping undecodable status change at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
        }
    }
}
