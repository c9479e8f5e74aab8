package com.salesai.emulator.webhooks;

import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.WebhookHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt at POSTing a message the way Fathom (through Svix) does: Standard Webhooks signed with the secret
 * of the registration the message was made for, freshly timestamped on every attempt. Redirects are not
 * followed: Svix counts a 3xx as a failure.
 */
@Component
class WebhookDelivery {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Svix's way for an endpoint to stop the retries of one message. */
    static final String ABORT_HEADER = "webhook-delivery";
    static final String TRACEPARENT = "traceparent";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One Svix message: its id stays the same across retries. {@code traceparent} (W3C, or null) is a test control:
     * Fathom sends none, a test sends one to follow its delivery through the services' logs.
     */
    record Message(String messageId, Registration registration, byte[] body, String label,
                   RedeliveryPolicy policy, String traceparent) {
    }

    /**
     * What one attempt got ({@code status} 0 when the destination could not be reached); {@code webhookId} is
     * the registration's id, {@code webhookMessageId} the {@code webhook-id} header.
     */
    record Result(String webhookId, String destinationUrl, String webhookMessageId, int status, String error,
                  boolean aborted) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    Result attempt(Message message) {
        Registration registration = message.registration();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registration.destinationUrl()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.ID, message.messageId())
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, StandardWebhooksSigner.sign(registration.secret(),
                        message.messageId(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (message.traceparent() != null) {
            request.header(TRACEPARENT, message.traceparent());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            log.info("Delivered {} of {} to webhook {}: HTTP {}", message.messageId(), message.label(),
                    registration.id(), response.statusCode());
            boolean aborted = response.headers().firstValue(ABORT_HEADER).filter("abort-message"::equals)
                    .isPresent();
            return new Result(registration.id(), registration.destinationUrl(), message.messageId(),
                    response.statusCode(), null, aborted);
        } catch (IOException e) {
            log.warn("Delivery {} to webhook {} failed: {}", message.messageId(), registration.id(), e.toString());
            return new Result(registration.id(), registration.destinationUrl(), message.messageId(), 0,
                    e.toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(registration.id(), registration.destinationUrl(), message.messageId(), 0,
                    "interrupted", false);
        }
    }
}
