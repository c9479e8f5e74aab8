package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.salesai.schema.crypto.Aad;

import java.time.Instant;
import java.util.UUID;

/**
 * The latest state of a user's Fathom integration, on the compacted topic {@link Topics#INTEGRATIONS} keyed by
 * {@code userId}. A tombstone (null value) means deleted. {@code encryptedWebhookSecret} is an
 * {@code EncryptedValue} string with AAD {@link #webhookSecretAad} ({@code userId|orgId|webhookSecret}). {@code version} increases with every change.
 * Optional (v2): the secret replaced by the latest re-save and until when deliveries signed with it are still
 * accepted (Svix keeps retrying old messages with it); {@code fathomEmail}, the email the member records with in
 * Fathom (null means {@code userEmail}), which attributes recordings to the member.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntegrationChanged(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String userId,
        String orgId,
        String userEmail,
        String userName,
        String platform,
        IntegrationStatus status,
        String webhookId,
        String encryptedWebhookSecret,
        long version,
        Instant changedAt,
        String previousEncryptedWebhookSecret,
        Instant previousSecretExpiresAt,
        String fathomEmail) implements Event {

    public static final int SCHEMA_VERSION = 1;
    public static final String PLATFORM_FATHOM = "fathom";
    /** The field name bound into the AAD of the encrypted webhook secret. */
    public static final String WEBHOOK_SECRET_FIELD = "webhookSecret";

    /**
     * The AAD of the current and the previous webhook secret (v2): binds the user and the organization, so a
     * ciphertext copied into another user's or another organization's event does not decrypt, and a forged event
     * cannot move a user's calls to another organization.
     */
    public static String webhookSecretAad(String userId, String orgId) {
        return Aad.of(userId, orgId, WEBHOOK_SECRET_FIELD);
    }

    /**
     * The v1 AAD {@code userId|webhookSecret}, which does not bind the organization: read only while
     * {@code APP_CRYPTO_ACCEPT_LEGACY_AAD} migrates older values, never written.
     */
    public static String legacyWebhookSecretAad(String userId) {
        return Aad.of(userId, WEBHOOK_SECRET_FIELD);
    }

    /** The email recordings are matched on: {@code fathomEmail}, else the user's email. */
    public String recorderEmail() {
        return fathomEmail != null && !fathomEmail.isBlank() ? fathomEmail : userEmail;
    }
}
