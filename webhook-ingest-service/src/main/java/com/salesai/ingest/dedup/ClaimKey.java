package com.salesai.ingest.dedup;

/**
 * What a delivery claims, within its scope: a webhook id of the receiving user (Svix ids are per endpoint and its
 * retries reuse them) or a call id of the organization (the same recording reaches every member it was shared with,
 * and import and sync bring it too).
 */
public record ClaimKey(Kind kind, String scope, String id) {

    public enum Kind { WEBHOOK, CALL }

    public static ClaimKey webhook(String userId, String webhookId) {
        return new ClaimKey(Kind.WEBHOOK, userId, webhookId);
    }

    public static ClaimKey call(String orgId, String callId) {
        return new ClaimKey(Kind.CALL, orgId, callId);
    }
}
