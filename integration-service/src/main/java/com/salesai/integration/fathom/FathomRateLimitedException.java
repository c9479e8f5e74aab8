package com.salesai.integration.fathom;

import java.time.Duration;

/** Fathom answered 429, or our own per-key limiter had no permit in time; {@code retryAfter} says when to retry. */
public final class FathomRateLimitedException extends FathomApiException {
    private final Duration retryAfter;

    public FathomRateLimitedException(String endpoint, int status, Duration retryAfter) {
        super(endpoint, status, "Fathom rate limit exceeded on " + endpoint + ", retry after "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
