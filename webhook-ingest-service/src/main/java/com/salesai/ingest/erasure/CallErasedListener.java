package com.salesai.ingest.erasure;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Thin consumer of {@code calls.erased} (group {@code ingest-erasure}); failures propagate to the platform's error
 * handler (retries, then {@code calls.erased.DLT}). A tombstone is not expected on this topic and is skipped.
 */
@Component
class CallErasedListener {
    private static final Logger log = LoggerFactory.getLogger(CallErasedListener.class);

    private final CallErasure erasure;

    CallErasedListener(CallErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(id = "ingest-calls-erased", topics = Topics.CALLS_ERASED, groupId = "ingest-erasure")
    void onErased(@Payload(required = false) CallErased erased) {
        if (erased == null) {
            return;
        }
        try (CallLogContext ignored = CallLogContext.of(erased.callId(), erased.orgId(), null)) {
            erasure.erase(erased);
            log.info("call {} erased: marked and tombstoned on {}", erased.callId(), Topics.CALLS_RECORDED);
        }
    }
}
