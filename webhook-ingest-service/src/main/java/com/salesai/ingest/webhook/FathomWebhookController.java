package com.salesai.ingest.webhook;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.webhooks.WebhookHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /api/webhooks/fathom/{userId}}. Hands the body to {@link WebhookIntake} as a stream, never bound by
 * Spring: it is read only once the delivery may be, as raw bytes, because the signature covers exactly those bytes.
 * One log line per delivery, never the body, and a path userId outside the subject alphabet never; every line
 * logged while handling it carries the user, the webhook id and, once known, the org and the call ids.
 */
@RestController
class FathomWebhookController {
    private static final Logger log = LoggerFactory.getLogger(FathomWebhookController.class);

    private final WebhookIntake intake;
    private final IngestProperties properties;
    private final MeterRegistry registry;
    /** Per outcome, looked up once rather than rebuilt and registered on every request. */
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

    FathomWebhookController(WebhookIntake intake, IngestProperties properties, MeterRegistry registry) {
        this.intake = intake;
        this.properties = properties;
        this.registry = registry;
    }

    @PostMapping("/api/webhooks/fathom/{userId}")
    ResponseEntity<?> receive(@PathVariable String userId, HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        String webhookId = request.getHeader(WebhookHeaders.ID);
        boolean validUserId = WebhookUserIds.isValid(userId);
        try (CallLogContext ignored = CallLogContext.of(null, null, validUserId ? userId : null)
                .with(CallLogContext.WEBHOOK_ID, webhookId)) {
            DeliveryOutcome outcome = validUserId
                    ? intake.receive(new DeliveryHeaders(userId, webhookId, request.getHeader(WebhookHeaders.TIMESTAMP),
                            request.getHeader(WebhookHeaders.SIGNATURE), request.getContentType(),
                            request.getContentLengthLong()), request::getInputStream)
                    : new DeliveryOutcome.UnknownUser();
            boolean bodyUnread = !request.getInputStream().isFinished();
            ResponseEntity<?> response = DeliveryResponses.toResponse(outcome, properties.retryAfter(), bodyUnread);
            deliveries.computeIfAbsent(outcome.name(), this::deliveriesCounter).increment();
            log.info("webhook delivery userId={} webhookId={} callIds={} outcome={} status={} latencyMs={} "
                            + "contentLength={}", validUserId ? userId : "(invalid)", webhookId, callIds(outcome),
                    outcome.name(), response.getStatusCode().value(), (System.nanoTime() - start) / 1_000_000,
                    request.getContentLengthLong());
            return response;
        }
    }

    private Counter deliveriesCounter(String outcome) {
        return Counter.builder("ingest.deliveries").description("webhook deliveries by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static List<String> callIds(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            return accepted.callIds();
        }
        if (outcome instanceof DeliveryOutcome.Duplicate duplicate) {
            return duplicate.callIds();
        }
        if (outcome instanceof DeliveryOutcome.InProgress inProgress) {
            return inProgress.callIds();
        }
        return List.of();
    }
}
