package com.salesai.schema.webhooks;

/** HTTP header names of a Standard Webhooks delivery. */
public final class WebhookHeaders {
    /** Unique per message and stable across retries, so it doubles as the dedup key. */
    public static final String ID = "webhook-id";
    /** Unix seconds at which the delivery was signed. */
    public static final String TIMESTAMP = "webhook-timestamp";
    /** Space-separated list of {@code v1,<base64>} signatures. */
    public static final String SIGNATURE = "webhook-signature";

    private WebhookHeaders() {
    }
}
