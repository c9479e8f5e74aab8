package com.salesai.analysis.pipeline;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Thin consumer of {@code calls.erased} (group {@code analysis-erasure}); failures propagate to the error handler.
 * Its recovery after the retries is the platform's dead-lettering, not {@link AnalysisFailureRecoverer}'s: that one
 * reports failed analyses and only reads {@code CallRecorded}.
 */
@Component
class CallErasedListener {
    private static final Logger log = LoggerFactory.getLogger(CallErasedListener.class);

    private final CallErasure erasure;

    CallErasedListener(CallErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(id = "analysis-calls-erased", topics = Topics.CALLS_ERASED, groupId = "analysis-erasure")
    void onErased(@Payload(required = false) CallErased erased) {
        if (erased == null) {
            return;
        }
        try (CallLogContext ignored = CallLogContext.of(erased.callId(), erased.orgId(), null)) {
            erasure.erase(erased);
            log.info("call {} erased: analyses and chunk notes deleted, results tombstoned", erased.callId());
        }
    }
}
