package com.salesai.localstack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Mints HS256 dev JWTs with the claims the services expect ({@code sub, org_id, org_role, name, email}). */
final class DevTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    static String mint(String devSecret, String userId, String orgId, String role, String name, String email,
                       Duration validity) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + userId + "\",\"org_id\":\"" + orgId + "\",\"org_role\":\"" + role
                + "\",\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"iat\":" + now
                + ",\"exp\":" + (now + validity.toSeconds()) + "}";
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + URL.encodeToString(hmac(devSecret, signingInput));
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
