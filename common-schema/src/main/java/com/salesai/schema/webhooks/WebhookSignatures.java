package com.salesai.schema.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** The HMAC shared by signer and verifier, so both agree on the signed content byte for byte. */
final class WebhookSignatures {
    static final String SECRET_PREFIX = "whsec_";
    static final String VERSION_PREFIX = "v1,";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignatures() {
    }

    /**
     * The HMAC key: the base64 after {@code whsec_}; a secret without the prefix is taken as base64 as well.
     *
     * @throws IllegalArgumentException if the secret is null, not base64 or empty once decoded
     */
    static SecretKeySpec key(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote a character of the secret, so it is not passed on.
            throw new IllegalArgumentException("webhook secret is not valid base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * HMAC-SHA256 over {@code id.timestamp.body}. The body goes to the Mac as it is: it is neither copied nor
     * re-encoded, which matters for large bodies on the ingest hot path.
     */
    static byte[] hmac(SecretKeySpec key, String webhookId, String webhookTimestamp, byte[] body) {
        // A fresh Mac per call: Mac is not thread-safe, and getInstance is cheap next to hashing a large body.
        Mac mac;
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
        mac.update((webhookId + "." + webhookTimestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }
}
