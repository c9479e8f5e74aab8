package com.salesai.integration.settings;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A user's Fathom integration in {@code integrations}. Secrets only as {@code EncryptedValue} strings.
 * {@code pendingPublish} is the outbox marker: set with every write, cleared once Kafka acked that version.
 * A {@code DELETING} document has no secrets left and waits only for its tombstone to be published.
 * {@code connectedAt} is when the user first connected (kept across re-saves: the catch-up sync starts there);
 * {@code recorderEmailsSeen} the {@code recorded_by} emails of the key's recent meetings, for the check that
 * {@code fathomEmail} is the one the user records with.
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
        LastImport lastImport,
        String fathomEmail,
        boolean teamRecordings,
        PreviousSecret previousSecret,
        Instant connectedAt,
        LastSync lastSync,
        List<String> recorderEmailsSeen) {

    static final String COLLECTION = "integrations";
    static final String PLATFORM = "fathom";
    static final String API_KEY_FIELD = "apiKey";

    enum State { ACTIVE, DELETING }

    /**
     * The webhook secret a re-save replaced, same AAD as the current one, and until when ingest still accepts
     * deliveries signed with it (Svix keeps retrying the old webhook's messages).
     */
    record PreviousSecret(String encryptedWebhookSecret, Instant expiresAt) {
    }

    StoredIntegration {
        recorderEmailsSeen = recorderEmailsSeen == null ? List.of() : List.copyOf(recorderEmailsSeen);
    }

    static String idOf(String userId) {
        return PLATFORM + ":" + userId;
    }

    /** Strictly greater than the previous version, also across a delete and re-create (epoch millis floor). */
    static long nextVersion(long previous, Instant now) {
        return Math.max(previous + 1, now.toEpochMilli());
    }

    /** When the catch-up sync starts: the first connection (documents older than that field: their creation). */
    Instant syncStart() {
        return connectedAt != null ? connectedAt : createdAt;
    }

    /** The email recordings are credited by: {@code fathomEmail}, else the token's email. */
    String recorderEmail() {
        return fathomEmail != null && !fathomEmail.isBlank() ? fathomEmail : userEmail;
    }

    StoredIntegration deleting(Instant now) {
        return new StoredIntegration(id, userId, platform, orgId, userEmail, userName, State.DELETING, webhookId,
                destinationUrl, null, null, maskedApiKey, nextVersion(version, now), true, createdAt, now, lastImport,
                fathomEmail, teamRecordings, null, connectedAt, lastSync, recorderEmailsSeen);
    }

    StoredIntegration withSecrets(String apiKey, String webhookSecret, PreviousSecret previous, long newVersion,
                                  boolean pending, Instant now) {
        return new StoredIntegration(id, userId, platform, orgId, userEmail, userName, state, webhookId,
                destinationUrl, apiKey, webhookSecret, maskedApiKey, newVersion, pending, createdAt, now, lastImport,
                fathomEmail, teamRecordings, previous, connectedAt, lastSync, recorderEmailsSeen);
    }

    StoredIntegration withFathomEmail(String email, Instant now) {
        return new StoredIntegration(id, userId, platform, orgId, userEmail, userName, state, webhookId,
                destinationUrl, encryptedApiKey, encryptedWebhookSecret, maskedApiKey, nextVersion(version, now), true,
                createdAt, now, lastImport, email, teamRecordings, previousSecret, connectedAt, lastSync,
                recorderEmailsSeen);
    }
}
