package com.salesai.ingest.webhook;

import java.time.Instant;

/** One webhook delivery as received: headers as sent and the raw body bytes. */
record DeliveryRequest(String userId, String webhookId, String webhookTimestamp, String webhookSignature,
                       String contentType, byte[] body, Instant receivedAt) {

    @Override
    public String toString() {
        return "DeliveryRequest[userId=" + userId + ", webhookId=" + webhookId + ", bytes=" + body.length + "]";
    }
}
