package com.salesai.integration.calls;

import com.salesai.platform.erasure.CallErasureHandler;
import com.salesai.schema.events.CallErased;
import org.springframework.stereotype.Component;

/**
 * The integration's part of an erasure: the call is forgotten in the import bookkeeping but stays known, so imports
 * and the sync skip it as a duplicate. Idempotent; failures propagate (retries, then {@code calls.erased.DLT}
 * through {@link KnownCallsRecoverer}).
 */
@Component
class CallErasure implements CallErasureHandler {
    private final KnownCalls known;

    CallErasure(KnownCalls known) {
        this.known = known;
    }

    @Override
    public String consumerGroup() {
        return "integration-erasure";
    }

    @Override
    public void erase(CallErased erased) {
        known.forget(erased.callId(), erased.at());
    }
}
