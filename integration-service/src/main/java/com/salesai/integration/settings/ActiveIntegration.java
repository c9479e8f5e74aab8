package com.salesai.integration.settings;

/** What an import needs of a user's integration; {@code apiKey} is decrypted, keep it in memory only. */
public record ActiveIntegration(String userId, String orgId, String apiKey) {
    @Override
    public String toString() {
        return "ActiveIntegration[userId=" + userId + ", orgId=" + orgId + ", apiKey=***]";
    }
}
