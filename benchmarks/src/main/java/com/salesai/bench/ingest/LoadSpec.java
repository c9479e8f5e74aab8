package com.salesai.bench.ingest;

import java.time.Duration;

/** A load phase: this many requests in flight, stopping at whichever comes first of the count and the duration. */
public record LoadSpec(int concurrency, int maxRequests, Duration maxDuration) {

    public LoadSpec {
        if (concurrency < 1 || maxRequests < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("load must be bounded and positive: " + concurrency + ", "
                    + maxRequests + ", " + maxDuration);
        }
    }

    /** How the phase is bounded, for reports. */
    public String bounds() {
        return "≤ " + maxDuration.toSeconds() + " s or " + maxRequests + " requests";
    }
}
