package com.salesai.platform.erasure;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;

/**
 * Thin consumer of {@code calls.erased}: the erasure runs in the call's log context, failures propagate to the
 * platform's error handler. Public only for the SpEL of its own {@code @KafkaListener} id.
 */
public final class CallErasedListener {
    private static final Logger log = LoggerFactory.getLogger(CallErasedListener.class);

    private final CallErasureHandler handler;

    CallErasedListener(CallErasureHandler handler) {
        this.handler = handler;
    }

    public String consumerGroup() {
        return handler.consumerGroup();
    }

    /** The id is the group ({@code idIsGroup}); a tombstone is not expected on this topic and is skipped. */
    @KafkaListener(id = "#{__listener.consumerGroup()}", topics = Topics.CALLS_ERASED)
    void onErased(@Payload(required = false) CallErased erased) {
        if (erased == null) {
            return;
        }
        try (CallLogContext ignored = CallLogContext.of(erased.callId(), erased.orgId(), null)) {
            handler.erase(erased);
            log.info("call {} erased ({})", erased.callId(), handler.consumerGroup());
        }
    }
}
