package com.salesai.ingest.dedup;

/**
 * What a delivery claims: a webhook id of a user (Svix retries reuse it) or a call id (the same meeting under
 * another webhook id, or already imported). Call ids are global: they already include the user.
 */
public record ClaimKey(Kind kind, String userId, String id) {

    public enum Kind { WEBHOOK, CALL }

    public static ClaimKey webhook(String userId, String webhookId) {
        return new ClaimKey(Kind.WEBHOOK, userId, webhookId);
    }

    public static ClaimKey call(String userId, String callId) {
        return new ClaimKey(Kind.CALL, userId, callId);
    }
}
