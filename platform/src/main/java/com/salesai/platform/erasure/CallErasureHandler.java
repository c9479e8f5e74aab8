package com.salesai.platform.erasure;

import com.salesai.schema.events.CallErased;

/**
 * A service's part of erasing a call. A service that declares one as a bean gets the platform's consumer of
 * {@code calls.erased} in its own consumer group; {@link #erase} must be idempotent and throw on failure, so the
 * platform's error handler delivers the record again (then dead-letters it) and nothing of the call survives.
 */
public interface CallErasureHandler {
    /** The consumer group of this service's erasure consumer, also the listener's id (e.g. "analysis-erasure"). */
    String consumerGroup();

    void erase(CallErased erased);
}
