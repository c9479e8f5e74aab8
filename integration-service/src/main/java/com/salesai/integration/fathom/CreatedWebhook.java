package com.salesai.integration.fathom;

/** A webhook Fathom created; {@code secret} ({@code whsec_...}) is kept out of {@link #toString()}. */
public record CreatedWebhook(String id, String secret) {
    @Override
    public String toString() {
        return "CreatedWebhook[id=" + id + ", secret=***]";
    }
}
