package com.salesai.integration.settings;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A user's Fathom integration in {@code integrations}. Secrets only as {@code EncryptedValue} strings.
 * {@code pendingPublish} is the outbox marker: set with every write, cleared once Kafka acked that version.
 * A {@code DELETING} document has no secrets left and waits only for its tombstone to be published.
 */
@Document(StoredIntegration.COLLECTION)
record StoredIntegration(
        @Id String id,
        String userId,
        String platform,
        String orgId,
        String userEmail,
        String userName,
        State state,
        String webhookId,
        String destinationUrl,
        String encryptedApiKey,
        String encryptedWebhookSecret,
        String maskedApiKey,
        long version,
        boolean pendingPublish,
        Instant createdAt,
        Instant updatedAt,
        LastImport lastImport) {

    static final String COLLECTION = "integrations";
    static final String PLATFORM = "fathom";
    static final String API_KEY_FIELD = "apiKey";

    enum State { ACTIVE, DELETING }

    static String idOf(String userId) {
        return PLATFORM + ":" + userId;
    }

    /** Strictly greater than the previous version, also across a delete and re-create (epoch millis floor). */
    static long nextVersion(long previous, Instant now) {
        return Math.max(previous + 1, now.toEpochMilli());
    }

    StoredIntegration deleting(Instant now) {
        return new StoredIntegration(id, userId, platform, orgId, userEmail, userName, State.DELETING, webhookId,
                destinationUrl, null, null, maskedApiKey, nextVersion(version, now), true, createdAt, now, lastImport);
    }

    StoredIntegration withSecrets(String apiKey, String webhookSecret, long newVersion, boolean pending, Instant now) {
        return new StoredIntegration(id, userId, platform, orgId, userEmail, userName, state, webhookId,
                destinationUrl, apiKey, webhookSecret, maskedApiKey, newVersion, pending, createdAt, now, lastImport);
    }
}
