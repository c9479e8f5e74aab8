package com.salesai.integration.calls;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Consumer of {@code calls.erased} (group {@code integration-erasure}): the erased call is forgotten in the import
 * bookkeeping but stays known, so imports and the sync skip it as a duplicate. Idempotent; failures propagate
 * (retries, then {@code calls.erased.DLT} through {@link KnownCallsRecoverer}).
 */
@Component
class CallErasedListener {
    private static final Logger log = LoggerFactory.getLogger(CallErasedListener.class);

    private final KnownCalls known;

    CallErasedListener(KnownCalls known) {
        this.known = known;
    }

    @KafkaListener(id = "integration-calls-erased", topics = Topics.CALLS_ERASED, groupId = "integration-erasure")
    void onErased(@Payload(required = false) CallErased erased) {
        if (erased == null) {
            return;
        }
        try (CallLogContext ignored = CallLogContext.of(erased.callId(), erased.orgId(), null)) {
            known.forget(erased.callId(), erased.at());
            log.info("call {} of org {} erased: forgotten by imports and the sync", erased.callId(), erased.orgId());
        }
    }
}
