package com.salesai.ingest.webhook;

import java.time.Instant;

/**
 * One webhook delivery before its body: the path's user, the Standard Webhooks headers as sent and the announced
 * length ({@code -1} when there is none, e.g. a chunked body).
 */
record DeliveryHeaders(String userId, String webhookId, String webhookTimestamp, String webhookSignature,
                       String contentType, long contentLength) {

    DeliveryRequest withBody(byte[] body, Instant receivedAt) {
        return new DeliveryRequest(userId, webhookId, webhookTimestamp, webhookSignature, contentType, body,
                receivedAt);
    }

    @Override
    public String toString() {
        return "DeliveryHeaders[userId=" + userId + ", webhookId=" + webhookId + ", contentLength=" + contentLength
                + "]";
    }
}
