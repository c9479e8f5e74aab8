package com.salesai.ingest.dedup;

/**
 * What a delivery claims, within its scope: a webhook id of the receiving user (Svix ids are per endpoint and its
 * retries reuse them), a call id of the organization (the same recording reaches every member it was shared with,
 * and import and sync bring it too), or the quarantine copy of a user's webhook id (a retry of a refused delivery
 * must not be quarantined again).
 */
public record ClaimKey(Kind kind, String scope, String id) {

    public enum Kind { WEBHOOK, CALL, QUARANTINE }

    public static ClaimKey webhook(String userId, String webhookId) {
        return new ClaimKey(Kind.WEBHOOK, userId, webhookId);
    }

    public static ClaimKey call(String orgId, String callId) {
        return new ClaimKey(Kind.CALL, orgId, callId);
    }

    public static ClaimKey quarantine(String userId, String webhookId) {
        return new ClaimKey(Kind.QUARANTINE, userId, webhookId);
    }
}
