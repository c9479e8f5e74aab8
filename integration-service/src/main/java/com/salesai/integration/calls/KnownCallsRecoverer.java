package com.salesai.integration.calls;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * This service's recovery of a record its one listener ({@link KnownCallsListener}) failed on after the platform's
 * retries: logged and skipped, not dead-lettered. A call id missed here only risks one duplicate publish by the
 * sync, which consumers absorb; {@code calls.recorded.DLT} is for calls whose analysis failed, and analysis replays
 * it.
 */
@Component
class KnownCallsRecoverer implements ConsumerRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(KnownCallsRecoverer.class);

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        log.warn("known calls: record {}-{}@{} (key {}) skipped: {}", record.topic(), record.partition(),
                record.offset(), record.key(), exception.toString());
    }
}
