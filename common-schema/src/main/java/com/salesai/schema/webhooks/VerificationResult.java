package com.salesai.schema.webhooks;

/**
 * Outcome of {@link StandardWebhooksVerifier#verify}. A rejection is a value, not an exception, because bad input
 * is the normal case on a public endpoint. Messages are safe to log: they never contain the secret or the body.
 */
public sealed interface VerificationResult {

    enum Reason {
        MISSING_HEADERS,
        STALE_TIMESTAMP,
        INVALID_TIMESTAMP,
        INVALID_SIGNATURE,
        /** The configured secret is unusable: a server-side problem, not the sender's. */
        INVALID_SECRET
    }

    default boolean isVerified() {
        return this instanceof Verified;
    }

    record Verified() implements VerificationResult {
    }

    record Rejected(Reason reason, String message) implements VerificationResult {
    }
}
