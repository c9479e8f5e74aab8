package com.salesai.integration.settings;

import java.time.Instant;

/**
 * What an import or the sync needs of a user's integration; {@code apiKey} is decrypted, keep it in memory only.
 * {@code syncStart} is when the user first connected: older meetings are the import's job, not the sync's.
 */
public record ActiveIntegration(String userId, String orgId, String apiKey, Instant syncStart) {
    @Override
    public String toString() {
        return "ActiveIntegration[userId=" + userId + ", orgId=" + orgId + ", apiKey=***]";
    }
}
