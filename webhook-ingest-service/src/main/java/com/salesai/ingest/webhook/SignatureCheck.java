package com.salesai.ingest.webhook;

import com.salesai.ingest.secrets.UserIntegration;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import com.salesai.schema.webhooks.VerificationResult;
import com.salesai.schema.webhooks.VerificationResult.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The Standard Webhooks check of a delivery, in two steps. Before the body: the verifier looks at the three headers,
 * the timestamp and the secret before it hashes anything, and says which of them failed, so its rejection of a
 * delivery without a body is final for every reason but a signature that does not match. Over the body: the
 * signature, with the current secret or else, while it is honoured, with the one it replaced (after a re-save Svix
 * keeps retrying older messages signed with the old secret).
 */
class SignatureCheck {
    private static final Logger log = LoggerFactory.getLogger(SignatureCheck.class);
    private static final byte[] NO_BODY = new byte[0];

    private final StandardWebhooksVerifier verifier;

    SignatureCheck(StandardWebhooksVerifier verifier) {
        this.verifier = verifier;
    }

    /** @return the refusal the headers alone decide (missing, stale, an unusable secret), or empty */
    Optional<DeliveryOutcome> refusalBeforeBody(UserIntegration integration, String webhookId,
                                                String webhookTimestamp, String webhookSignature) {
        VerificationResult headersOnly = verifier.verify(integration.webhookSecret(), webhookId, webhookTimestamp,
                webhookSignature, NO_BODY);
        if (headersOnly instanceof VerificationResult.Rejected rejected
                && rejected.reason() != Reason.INVALID_SIGNATURE) {
            return Optional.of(refusal(rejected));
        }
        return Optional.empty();
    }

    /** @return the refusal, or empty when the body is signed with the user's secret */
    Optional<DeliveryOutcome> refusalOverBody(UserIntegration integration, DeliveryRequest request) {
        return verify(integration, request) instanceof VerificationResult.Rejected rejected
                ? Optional.of(refusal(rejected))
                : Optional.empty();
    }

    private static DeliveryOutcome refusal(VerificationResult.Rejected rejected) {
        return rejected.reason() == Reason.INVALID_SECRET
                ? new DeliveryOutcome.Unavailable("the stored webhook secret is unusable")
                : new DeliveryOutcome.Unauthorized(rejected.message());
    }

    private VerificationResult verify(UserIntegration integration, DeliveryRequest request) {
        VerificationResult current = verifier.verify(integration.webhookSecret(), request.webhookId(),
                request.webhookTimestamp(), request.webhookSignature(), request.body());
        if (!(current instanceof VerificationResult.Rejected rejected)
                || rejected.reason() != Reason.INVALID_SIGNATURE) {
            return current;
        }
        Optional<String> previous = integration.previousSecretAt(request.receivedAt());
        if (previous.isEmpty()) {
            return current;
        }
        VerificationResult withPrevious = verifier.verify(previous.get(), request.webhookId(),
                request.webhookTimestamp(), request.webhookSignature(), request.body());
        if (!withPrevious.isVerified()) {
            return current;
        }
        log.info("userId={} webhookId={} signed with the previous webhook secret, honoured until {}",
                request.userId(), request.webhookId(), integration.previousSecretAcceptedUntil());
        return withPrevious;
    }
}
