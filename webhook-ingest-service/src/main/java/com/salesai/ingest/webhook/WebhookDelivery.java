package com.salesai.ingest.webhook;

import com.salesai.ingest.dedup.ClaimKey;
import com.salesai.ingest.dedup.DeliveryClaims;
import com.salesai.ingest.publish.CallPublisher;
import com.salesai.ingest.publish.PublishException;
import com.salesai.ingest.publish.QuarantinePublisher;
import com.salesai.ingest.secrets.IntegrationDirectory;
import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.attribution.OrgRecorders;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import com.salesai.schema.fathom.NormalizedCall;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The delivery decision: who is it for, is it signed, what calls does it hold, who recorded them, are they new, are
 * they durable. Order matters: what needs no body is decided before the body is read ({@link #refusalBeforeBody});
 * the signature is checked over the raw bytes before anything parses them; calls are claimed per organization before
 * they are published (see {@link DeliveryClaims} for the recovery story); claims are released if publishing fails; a
 * refused delivery is quarantined once per webhook id ({@link QuarantineOnce}).
 */
class WebhookDelivery {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final IntegrationDirectory directory;
    private final SignatureCheck signatures;
    private final FathomPayloadNormalizer normalizer;
    private final DeliveryClaims claims;
    private final CallPublisher calls;
    private final QuarantineOnce quarantine;

    WebhookDelivery(IntegrationDirectory directory, StandardWebhooksVerifier verifier,
                    FathomPayloadNormalizer normalizer, DeliveryClaims claims, CallPublisher calls,
                    QuarantinePublisher quarantine) {
        this.directory = directory;
        this.signatures = new SignatureCheck(verifier);
        this.normalizer = normalizer;
        this.claims = claims;
        this.calls = calls;
        this.quarantine = new QuarantineOnce(claims, quarantine);
    }

    /**
     * What is decided before a byte of the body is read, in this order: the view is ready (else 503), the user is
     * active (404), the signature headers are there and their timestamp is fresh (401).
     *
     * @return the refusal, or empty when the body may be read
     */
    Optional<DeliveryOutcome> refusalBeforeBody(String userId, String webhookId, String webhookTimestamp,
                                                String webhookSignature) {
        return Optional.ofNullable(admit(userId, webhookId, webhookTimestamp, webhookSignature).refusal());
    }

    /** The whole decision; what needs no body is checked again, as the view may have changed while it was read. */
    DeliveryOutcome handle(DeliveryRequest request) {
        Admission admission = admit(request.userId(), request.webhookId(), request.webhookTimestamp(),
                request.webhookSignature());
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        CallLogContext.current().with(CallLogContext.ORG_ID, admission.integration().orgId());
        Optional<DeliveryOutcome> unsigned = signatures.refusalOverBody(admission.integration(), request);
        if (unsigned.isPresent()) {
            return unsigned.get();
        }
        NormalizationResult normalized = normalizer.normalize(request.body());
        if (normalized instanceof NormalizationResult.Rejected rejected) {
            return quarantine.refuse(request, rejected.reason(), new DeliveryOutcome.Unprocessable(rejected.reason()));
        }
        return claimAndPublish(request, admission.integration(),
                ((NormalizationResult.Normalized) normalized).calls());
    }

    private Admission admit(String userId, String webhookId, String webhookTimestamp, String webhookSignature) {
        if (!directory.isReady()) {
            return Admission.refused(new DeliveryOutcome.Unavailable("integration view is still loading"));
        }
        Optional<UserIntegration> integration = directory.activeIntegration(userId);
        if (integration.isEmpty()) {
            return Admission.refused(new DeliveryOutcome.UnknownUser());
        }
        return signatures.refusalBeforeBody(integration.get(), webhookId, webhookTimestamp, webhookSignature)
                .map(Admission::refused)
                .orElseGet(() -> new Admission(integration.get(), null));
    }

    /** The integration a delivery is for, or (integration null) why it is refused before its body. */
    private record Admission(UserIntegration integration, DeliveryOutcome refusal) {
        static Admission refused(DeliveryOutcome refusal) {
            return new Admission(null, refusal);
        }
    }

    private DeliveryOutcome claimAndPublish(DeliveryRequest request, UserIntegration integration,
                                            List<NormalizedCall> normalizedCalls) {
        String orgId = integration.orgId();
        Map<String, NormalizedCall> byCallId = new LinkedHashMap<>();
        for (NormalizedCall call : normalizedCalls) {
            byCallId.putIfAbsent(call.callIdIn(orgId), call);
        }
        List<String> callIds = List.copyOf(byCallId.keySet());
        // one call per delivery as Fathom sends them; a batch's lines carry all its ids
        CallLogContext.current().with(CallLogContext.CALL_ID, String.join(",", callIds));
        OrgRecorders recorders = directory.recorders(orgId);
        String owner = UUID.randomUUID().toString();
        ClaimKey webhookKey = ClaimKey.webhook(request.userId(), request.webhookId());
        List<ClaimKey> keys = new ArrayList<>(List.of(webhookKey));
        // Sorted, so two deliveries sharing calls claim them in one order and can't wait on each other in a cycle.
        new TreeSet<>(callIds).forEach(callId -> keys.add(ClaimKey.call(orgId, callId)));
        Function<ClaimKey, List<String>> coveredIds = key -> key.kind() == ClaimKey.Kind.WEBHOOK ? callIds
                : List.of(key.id());
        List<ClaimKey> held = new ArrayList<>();
        try {
            List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(keys, coveredIds, owner);
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof DeliveryClaims.Outcome.Claimed) {
                    held.add(keys.get(i));
                }
            }
            if (outcomes.get(0) instanceof DeliveryClaims.Outcome.AlreadyPublished published) {
                release(held, owner);
                return new DeliveryOutcome.Duplicate(published.callIds());
            }
            if (outcomes.get(outcomes.size() - 1) instanceof DeliveryClaims.Outcome.StillPending) {
                release(held, owner);
                return new DeliveryOutcome.InProgress(callIds);
            }
            List<CallRecorded> toPublish = new ArrayList<>();
            for (ClaimKey key : held) {
                if (key.kind() != ClaimKey.Kind.CALL) {
                    continue;
                }
                NormalizedCall call = byCallId.get(key.id());
                toPublish.add(call.toCallRecorded(orgId, recorders.credit(call.recordedBy(), request.userId()),
                        request.userId(), CallSource.WEBHOOK, request.receivedAt()));
            }
            if (!toPublish.isEmpty()) {
                calls.publish(toPublish);
            }
        } catch (PublishException e) {
            release(held, owner);
            if (e.recordTooLarge()) {
                return recordTooLarge(request, callIds, e);
            }
            log.warn("publish failed for userId={} webhookId={} callIds={}: {}", request.userId(),
                    request.webhookId(), callIds, e.getMessage());
            return new DeliveryOutcome.Unavailable("Kafka did not acknowledge the calls");
        } catch (RuntimeException e) {
            release(held, owner);
            log.warn("dedup store failed for userId={} webhookId={} callIds={}: {}", request.userId(),
                    request.webhookId(), callIds, e.toString());
            return new DeliveryOutcome.Unavailable("deduplication store unavailable");
        }
        boolean published = held.size() > 1;
        markPublished(held, coveredIds, request, callIds);
        return published ? new DeliveryOutcome.Accepted(callIds) : new DeliveryOutcome.Duplicate(callIds);
    }

    /**
     * Not retriable: the same calls would be refused again, so instead of a 503 that the sender retries forever the
     * delivery is kept on the quarantine topic with its reason (replayable once the limit is raised) and refused.
     * The claims were released, so a replay is not taken for a duplicate.
     */
    private DeliveryOutcome recordTooLarge(DeliveryRequest request, List<String> callIds, PublishException e) {
        String reason = "record too large: " + e.tooLargeDetail();
        log.warn("calls too large to publish for userId={} webhookId={} callIds={} bodyBytes={}: {}",
                request.userId(), request.webhookId(), callIds, request.body().length, e.tooLargeDetail());
        return quarantine.refuse(request, reason, new DeliveryOutcome.RecordTooLarge(reason));
    }

    /** After the ack the calls are durable whatever happens here; a failure only leaves pending claims to go stale. */
    private void markPublished(List<ClaimKey> held, Function<ClaimKey, List<String>> coveredIds,
                               DeliveryRequest request, List<String> callIds) {
        try {
            claims.markAllPublished(held, coveredIds);
        } catch (RuntimeException e) {
            log.warn("could not mark claims published for userId={} webhookId={} callIds={} (they stay pending"
                    + " until stale): {}", request.userId(), request.webhookId(), callIds, e.toString());
        }
    }

    private void release(List<ClaimKey> held, String owner) {
        for (ClaimKey key : held) {
            claims.release(key, owner);
        }
    }
}
