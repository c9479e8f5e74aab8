package com.salesai.emulator.webhooks;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends messages as Svix does for Fathom: the first attempt at once (its result goes back to the caller), then,
 * while the redelivery policy the message was created under allows, retries of a non-2xx or unreachable
 * destination with the same {@code webhook-id}, re-signed with the same secret: a message outlives the deletion
 * of its webhook, so after a re-save its retries still come signed with the old secret. An answer with
 * {@code webhook-delivery: abort-message} stops them.
 */
@Component
class Dispatcher implements AutoCloseable {
    private final WebhookDelivery delivery;
    private final DeliveryLog log;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "emulator-redelivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private volatile RedeliveryPolicy policy = RedeliveryPolicy.OFF;

    Dispatcher(WebhookDelivery delivery, DeliveryLog log) {
        this.delivery = delivery;
        this.log = log;
    }

    /**
     * @param messageIdOrNull   a message id to reuse (a caller-driven retry), or null for a new message
     * @param traceparentOrNull a W3C trace context to send along (a test control), or null
     */
    WebhookDelivery.Result send(Registration registration, byte[] body, String label, String messageIdOrNull,
                                String traceparentOrNull) {
        String messageId = messageIdOrNull != null && !messageIdOrNull.isBlank() ? messageIdOrNull
                : "msg_" + UUID.randomUUID().toString().replace("-", "");
        return attempt(new WebhookDelivery.Message(messageId, registration, body, label, policy,
                traceparentOrNull), 1);
    }

    private WebhookDelivery.Result attempt(WebhookDelivery.Message message, int attempt) {
        WebhookDelivery.Result result = delivery.attempt(message);
        log.add(new DeliveryLog.Attempt(result.webhookId(), result.webhookMessageId(), result.destinationUrl(),
                attempt, result.status(), result.error(), Instant.now()));
        long delay = message.policy().delayBefore(attempt);
        if (!result.succeeded() && !result.aborted() && delay >= 0) {
            pending.incrementAndGet();
            scheduler.schedule(() -> {
                pending.decrementAndGet();
                attempt(message, attempt + 1);
            }, delay, TimeUnit.MILLISECONDS);
        }
        return result;
    }

    RedeliveryPolicy policy() {
        return policy;
    }

    /** Applies to messages created from now on; those already waiting keep the schedule they started with. */
    void policy(RedeliveryPolicy newPolicy) {
        policy = newPolicy;
    }

    int pendingRetries() {
        return pending.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
