package com.salesai.ingest.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Takes a delivery in an order that reads nothing it has not authorized: what needs no body first
 * ({@link WebhookDelivery#refusalBeforeBody}: the view, the user, the signature headers, their timestamp), then the
 * announced size and the in-flight byte budget, then the body ({@link BoundedBody}, within the read timeout), and only
 * then the decision over it ({@link WebhookDelivery#handle}). The budget is held until the delivery is answered: the
 * body, and what is made of it, stay in memory until then.
 */
class WebhookIntake {
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    /** Where the body comes from; opened only once it may be read. */
    interface Body {
        InputStream open() throws IOException;
    }

    private final WebhookDelivery delivery;
    private final InflightBytes budget;
    private final long maxBodyBytes;
    private final Duration readTimeout;
    private final Clock clock;
    private final LongConsumer bodiesRead;

    /** @param bodiesRead told the size of every body read whole */
    WebhookIntake(WebhookDelivery delivery, InflightBytes budget, long maxBodyBytes, Duration readTimeout,
                  Clock clock, LongConsumer bodiesRead) {
        this.delivery = delivery;
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeout = readTimeout;
        this.clock = clock;
        this.bodiesRead = bodiesRead;
    }

    DeliveryOutcome receive(DeliveryHeaders headers, Body body) throws IOException {
        Optional<DeliveryOutcome> refusal = delivery.refusalBeforeBody(headers.userId(), headers.webhookId(),
                headers.webhookTimestamp(), headers.webhookSignature());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        long announced = headers.contentLength();
        if (announced > maxBodyBytes) {
            return new DeliveryOutcome.TooLarge(maxBodyBytes);
        }
        // Without a Content-Length (chunked) the body may be as long as the limit, so it is counted that long.
        long bytes = announced >= 0 ? announced : maxBodyBytes;
        Optional<InflightBytes.Reservation> reservation = budget.tryReserve(bytes);
        if (reservation.isEmpty()) {
            log.warn("in-flight byte budget spent: userId={} webhookId={} callIds=[] wants {} bytes, {} of {} held",
                    headers.userId(), headers.webhookId(), bytes, budget.reserved(), budget.limit());
            return new DeliveryOutcome.Unavailable("the in-flight byte budget is spent");
        }
        try (InflightBytes.Reservation held = reservation.get()) {
            BoundedBody.Result read = BoundedBody.read(body.open(), announced, maxBodyBytes, clock,
                    clock.instant().plus(readTimeout));
            if (read instanceof BoundedBody.Result.Complete complete) {
                bodiesRead.accept(complete.bytes().length);
                return delivery.handle(headers.withBody(complete.bytes(), clock.instant()));
            }
            if (read instanceof BoundedBody.Result.TimedOut timedOut) {
                return new DeliveryOutcome.TimedOut(timedOut.bytesRead());
            }
            if (read instanceof BoundedBody.Result.Ended ended) {
                return new DeliveryOutcome.BodyIncomplete(ended.bytesRead());
            }
            return new DeliveryOutcome.TooLarge(maxBodyBytes);
        }
    }
}
