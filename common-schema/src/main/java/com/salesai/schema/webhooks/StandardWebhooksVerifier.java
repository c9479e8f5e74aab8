package com.salesai.schema.webhooks;

import com.salesai.schema.webhooks.VerificationResult.Reason;
import com.salesai.schema.webhooks.VerificationResult.Rejected;
import com.salesai.schema.webhooks.VerificationResult.Verified;

import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Verifies a Standard Webhooks delivery over its raw body bytes, before anything parses the body. Thread-safe.
 * Never throws for bad input; every failure is a {@link Rejected} whose message holds neither secret nor body.
 */
public final class StandardWebhooksVerifier {
    private static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final Verified VERIFIED = new Verified();
    private static final byte[] EMPTY = new byte[0];

    private final Clock clock;
    private final long toleranceSeconds;

    public StandardWebhooksVerifier(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.toleranceSeconds = tolerance.toSeconds();
    }

    /** With the usual 300 s tolerance that bounds how long a captured delivery can be replayed. */
    public StandardWebhooksVerifier(Clock clock) {
        this(clock, DEFAULT_TOLERANCE);
    }

    public VerificationResult verify(String secret, String webhookId, String webhookTimestamp,
                                     String webhookSignature, byte[] rawBody) {
        if (isBlank(webhookId) || isBlank(webhookTimestamp) || isBlank(webhookSignature)) {
            return new Rejected(Reason.MISSING_HEADERS,
                    "missing header(s): " + missingHeaders(webhookId, webhookTimestamp, webhookSignature));
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(webhookTimestamp);
        } catch (NumberFormatException e) {
            return new Rejected(Reason.INVALID_TIMESTAMP, WebhookHeaders.TIMESTAMP + " is not an integer");
        }
        Rejected stale = checkFreshness(timestamp);
        if (stale != null) {
            return stale;
        }
        SecretKeySpec key;
        try {
            key = WebhookSignatures.key(secret);
        } catch (IllegalArgumentException e) {
            return new Rejected(Reason.INVALID_SECRET, e.getMessage());
        }
        byte[] expected = WebhookSignatures.hmac(key, webhookId, webhookTimestamp,
                rawBody == null ? EMPTY : rawBody);
        return matchesAny(expected, webhookSignature)
                ? VERIFIED
                : new Rejected(Reason.INVALID_SIGNATURE, "no v1 signature matches");
    }

    private Rejected checkFreshness(long timestamp) {
        long now = clock.instant().getEpochSecond();
        long skew;
        try {
            skew = Math.subtractExact(now, timestamp);
        } catch (ArithmeticException e) {
            return new Rejected(Reason.STALE_TIMESTAMP, WebhookHeaders.TIMESTAMP + " is out of range");
        }
        if (skew > toleranceSeconds) {
            return new Rejected(Reason.STALE_TIMESTAMP, WebhookHeaders.TIMESTAMP + " is " + skew
                    + " s in the past (tolerance " + toleranceSeconds + " s)");
        }
        if (skew < -toleranceSeconds) {
            return new Rejected(Reason.STALE_TIMESTAMP, WebhookHeaders.TIMESTAMP + " is " + -skew
                    + " s in the future (tolerance " + toleranceSeconds + " s)");
        }
        return null;
    }

    /** Senders list several signatures while rotating secrets; any v1 match passes, other versions are ignored. */
    private static boolean matchesAny(byte[] expected, String webhookSignature) {
        for (String entry : webhookSignature.split(" ")) {
            if (!entry.startsWith(WebhookSignatures.VERSION_PREFIX)) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(WebhookSignatures.VERSION_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                continue; // garbage is just another signature that does not match
            }
            if (MessageDigest.isEqual(expected, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static String missingHeaders(String webhookId, String webhookTimestamp, String webhookSignature) {
        StringJoiner names = new StringJoiner(", ");
        if (isBlank(webhookId)) {
            names.add(WebhookHeaders.ID);
        }
        if (isBlank(webhookTimestamp)) {
            names.add(WebhookHeaders.TIMESTAMP);
        }
        if (isBlank(webhookSignature)) {
            names.add(WebhookHeaders.SIGNATURE);
        }
        return names.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
