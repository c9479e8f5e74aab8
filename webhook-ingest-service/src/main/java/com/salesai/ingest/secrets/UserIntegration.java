package com.salesai.ingest.secrets;

/** An active integration as ingest needs it: whose calls, which organization, and the decrypted webhook secret. */
public record UserIntegration(String userId, String orgId, String webhookSecret, long version) {

    @Override
    public String toString() {
        return "UserIntegration[userId=" + userId + ", orgId=" + orgId + ", version=" + version + "]";
    }
}
