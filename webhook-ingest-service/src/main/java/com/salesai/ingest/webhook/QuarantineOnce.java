package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.ClaimKey;
import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.publish.PublishException;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.publish.QuarantinedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Keeps a signed delivery we refuse on {@code ingest.quarantine}, once per webhook id of the user: Svix retries a
 * refused delivery under the same id, and each retry is answered the same refusal without another copy. The copy is
 * claimed like a call ({@link DeliveryClaims}: pending, published after the ack, released if the quarantine topic
 * fails so the retry quarantines it), so a retry never finds a marker without its copy behind it.
 */
class QuarantineOnce {
    private static final Logger log = LoggerFactory.getLogger(QuarantineOnce.class);

    private final DeliveryClaims claims;
    private final QuarantinePublisher quarantine;

    QuarantineOnce(DeliveryClaims claims, QuarantinePublisher quarantine) {
        this.claims = claims;
        this.quarantine = quarantine;
    }

    /** Answers {@code refusal} once the raw body is on the quarantine topic (now or by an earlier attempt). */
    DeliveryOutcome refuse(DeliveryRequest request, String reason, DeliveryOutcome refusal) {
        ClaimKey key = ClaimKey.quarantine(request.userId(), request.webhookId());
        String owner = UUID.randomUUID().toString();
        DeliveryClaims.Outcome claim;
        try {
            claim = claims.claim(key, owner, List.of());
        } catch (RuntimeException e) {
            log.warn("dedup store failed before quarantining userId={} webhookId={} callIds=[]: {}",
                    request.userId(), request.webhookId(), e.toString());
            return new DeliveryOutcome.Unavailable("deduplication store unavailable");
        }
        if (claim instanceof DeliveryClaims.Outcome.AlreadyPublished) {
            log.info("userId={} webhookId={} callIds=[] was quarantined before; refused again without a copy",
                    request.userId(), request.webhookId());
            return refusal;
        }
        if (claim instanceof DeliveryClaims.Outcome.StillPending) {
            return new DeliveryOutcome.InProgress(List.of());
        }
        try {
            quarantine.quarantine(new QuarantinedDelivery(request.userId(), request.webhookId(),
                    request.webhookTimestamp(), request.contentType(), reason, request.receivedAt(), request.body()));
        } catch (PublishException e) {
            claims.release(key, owner);
            log.warn("quarantine failed for userId={} webhookId={} callIds=[]: {}", request.userId(),
                    request.webhookId(), e.getMessage());
            return new DeliveryOutcome.Unavailable("could not quarantine the payload: Kafka unavailable");
        }
        markQuarantined(key, request);
        return refusal;
    }

    /** The copy is durable whatever happens here; a claim left pending goes stale and a late retry copies again. */
    private void markQuarantined(ClaimKey key, DeliveryRequest request) {
        try {
            claims.markPublished(key, List.of());
        } catch (RuntimeException e) {
            log.warn("could not mark userId={} webhookId={} callIds=[] quarantined (it stays pending until stale): {}",
                    request.userId(), request.webhookId(), e.toString());
        }
    }
}
