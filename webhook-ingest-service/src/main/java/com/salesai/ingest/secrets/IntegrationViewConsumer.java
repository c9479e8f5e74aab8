package com.salesai.ingest.secrets;

import com.salesai.platform.kafka.RecordHandler;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.IntegrationChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Applies {@code fathom.integrations} to the {@link IntegrationView}, as the platform's follower reads it from the
 * beginning at every start, on every ingest instance (no consumer group), so each one knows every user; the view
 * turns ready once the follower caught up with the end offsets it found at start-up.
 *
 * <p>No dead-letter topic: this is a state view, not work. A value that isn't an {@code IntegrationChanged} is
 * logged (key, partition, offset) and skipped; it would be skipped again on every restart, and its user simply
 * stays at the last good version.
 */
class IntegrationViewConsumer implements RecordHandler {
    private static final Logger log = LoggerFactory.getLogger(IntegrationViewConsumer.class);

    private final IntegrationView view;

    IntegrationViewConsumer(IntegrationView view) {
        this.view = view;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("integration view: record without key at partition={} offset={} skipped",
                    record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            view.apply(record.key(), null);
            return;
        }
        try {
            view.apply(record.key(), EventJson.mapper().readValue(record.value(), IntegrationChanged.class));
        } catch (JacksonException e) {
            log.warn("integration view: undecodable value for userId={} at partition={} offset={} skipped: {}",
                    record.key(), record.partition(), record.offset(), e.getOriginalMessage());
        }
    }

    void caughtUp() {
        view.markCaughtUp();
        log.info("integration view caught up: {} users", view.size());
    }
}
