package com.salesai.ingest.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * An active integration as ingest needs it: whose calls, which organization, the decrypted webhook secret and, after
 * a re-save, the secret it replaced until {@code previousSecretAcceptedUntil} (null fields when there is none).
 */
public record UserIntegration(String userId, String orgId, String webhookSecret, long version,
                              String previousSecret, Instant previousSecretAcceptedUntil) {

    /** The replaced secret while a delivery received at {@code now} may still be signed with it. */
    public Optional<String> previousSecretAt(Instant now) {
        return previousSecret != null && now.isBefore(previousSecretAcceptedUntil)
                ? Optional.of(previousSecret) : Optional.empty();
    }

    @Override
    public String toString() {
        return "UserIntegration[userId=" + userId + ", orgId=" + orgId + ", version=" + version
                + ", previousSecretAcceptedUntil=" + previousSecretAcceptedUntil + "]";
    }
}
