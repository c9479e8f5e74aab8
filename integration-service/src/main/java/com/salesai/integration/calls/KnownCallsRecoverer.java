package com.salesai.integration.calls;

import com.salesai.platform.kafka.DeadLetters;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * This service's recovery of a record its listeners failed on after the platform's retries. A call id of
 * {@link KnownCallsListener} is logged and skipped, not dead-lettered: missed, it only risks one duplicate publish
 * by the sync, which consumers absorb; {@code calls.recorded.DLT} is for calls whose analysis failed, and analysis
 * replays it. An erasure ({@link CallErasure}) must not be lost: it goes to {@code calls.erased.DLT}.
 */
@Component
class KnownCallsRecoverer implements ConsumerRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(KnownCallsRecoverer.class);

    private final DeadLetters deadLetters;

    KnownCallsRecoverer(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        if (Topics.CALLS_ERASED.equals(record.topic())) {
            deadLetters.publish(record, exception);
            return;
        }
        log.warn("known calls: record {}-{}@{} (key {}) skipped: {}", record.topic(), record.partition(),
                record.offset(), record.key(), exception.toString());
    }
}
