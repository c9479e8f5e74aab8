package com.salesai.ingest.webhook;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.webhooks.WebhookHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /api/webhooks/fathom/{userId}}. Reads the body itself, as raw bytes and bounded, because the signature
 * covers exactly those bytes; a re-serialized object would not verify. One log line per delivery, never the body.
 */
@RestController
class FathomWebhookController {
    private static final Logger log = LoggerFactory.getLogger(FathomWebhookController.class);

    private final WebhookDelivery delivery;
    private final IngestProperties properties;
    private final long maxBodyBytes;
    private final Clock clock;
    private final MeterRegistry registry;
    private final DistributionSummary payloadBytes;
    /** Per outcome, looked up once rather than rebuilt and registered on every request. */
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

    FathomWebhookController(WebhookDelivery delivery, IngestProperties properties, TopicConfigs.Limits limits,
                            Clock clock, MeterRegistry registry) {
        this.delivery = delivery;
        this.properties = properties;
        this.maxBodyBytes = limits.maxBodyBytes();
        this.clock = clock;
        this.registry = registry;
        this.payloadBytes = DistributionSummary.builder("ingest.payload.bytes")
                .description("size of webhook bodies read").baseUnit("bytes").register(registry);
    }

    @PostMapping("/api/webhooks/fathom/{userId}")
    ResponseEntity<?> receive(@PathVariable String userId, HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        String webhookId = request.getHeader(WebhookHeaders.ID);
        boolean validUserId = WebhookUserIds.isValid(userId);
        DeliveryOutcome outcome = validUserId ? receive(userId, webhookId, request) : new DeliveryOutcome.UnknownUser();
        ResponseEntity<?> response = DeliveryResponses.toResponse(outcome, properties.retryAfter());
        deliveries.computeIfAbsent(outcome.name(), this::deliveriesCounter).increment();
        log.info("webhook delivery userId={} webhookId={} callIds={} outcome={} status={} latencyMs={}",
                validUserId ? userId : "(invalid)", webhookId, callIds(outcome), outcome.name(),
                response.getStatusCode().value(), (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    private Counter deliveriesCounter(String outcome) {
        return Counter.builder("ingest.deliveries").description("webhook deliveries by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private DeliveryOutcome receive(String userId, String webhookId, HttpServletRequest request) throws IOException {
        long limit = maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            return new DeliveryOutcome.TooLarge(limit);
        }
        byte[] body = BoundedBody.read(request.getInputStream(), limit);
        if (body == null) {
            return new DeliveryOutcome.TooLarge(limit);
        }
        payloadBytes.record(body.length);
        return delivery.handle(new DeliveryRequest(userId, webhookId, request.getHeader(WebhookHeaders.TIMESTAMP),
                request.getHeader(WebhookHeaders.SIGNATURE), request.getContentType(), body, clock.instant()));
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
