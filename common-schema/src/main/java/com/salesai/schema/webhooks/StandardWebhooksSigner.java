package com.salesai.schema.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** Signs deliveries the way Svix does; used by the Fathom emulator, tests and benchmarks. */
public final class StandardWebhooksSigner {
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooksSigner() {
    }

    /**
     * @return the {@code webhook-signature} value {@code v1,<base64>}
     * @throws IllegalArgumentException if the secret is not {@code whsec_<base64>} or plain base64
     */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        byte[] hmac = WebhookSignatures.hmac(
                WebhookSignatures.key(secret), webhookId, Long.toString(timestampSeconds), body);
        return WebhookSignatures.VERSION_PREFIX + Base64.getEncoder().encodeToString(hmac);
    }

    /** A new random secret in the Svix format, {@code whsec_} + base64 of 24 bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return WebhookSignatures.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
