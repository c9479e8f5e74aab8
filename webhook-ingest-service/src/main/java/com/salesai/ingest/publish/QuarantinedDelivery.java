package com.salesai.ingest.publish;

import java.time.Instant;

/** A delivery kept as received: the raw body and the headers needed to replay it (never the signature). */
public record QuarantinedDelivery(String userId, String webhookId, String webhookTimestamp, String contentType,
                                  String reason, Instant receivedAt, byte[] body) {

    @Override
    public String toString() {
        return "QuarantinedDelivery[userId=" + userId + ", webhookId=" + webhookId + ", reason=" + reason
                + ", bytes=" + body.length + "]";
    }
}
