package com.salesai.emulator.webhooks;

import com.salesai.emulator.meetings.Includes;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.WebhookHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** POSTs a meeting to one destination the way Fathom (through Svix) does: Standard Webhooks signed. */
@Component
class WebhookDelivery {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** What was sent to one destination and what it answered ({@code status} 0 when it could not be reached). */
    record Result(String webhookId, String destinationUrl, String webhookMessageId, int status, String error) {
    }

    Result deliver(Registration registration, ObjectNode meeting) {
        byte[] body = json.writeValueAsBytes(Includes.apply(meeting, registration.includeTranscript(),
                registration.includeSummary(), registration.includeActionItems()));
        return deliverRaw(registration, body, meeting.path("recording_id").asString(), null);
    }

    /**
     * Sends the body bytes exactly as given, signed (freshly timestamped), as an older Fathom integration would;
     * {@code retriedMessageId} non-null re-sends that message, as a Svix retry does.
     */
    Result deliverRaw(Registration registration, byte[] body, String recordingLabel, String retriedMessageId) {
        String messageId = retriedMessageId != null && !retriedMessageId.isBlank() ? retriedMessageId
                : "msg_" + UUID.randomUUID().toString().replace("-", "");
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(registration.destinationUrl()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.ID, messageId)
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, StandardWebhooksSigner.sign(registration.secret(), messageId,
                        timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("Delivered {} of recording {} to webhook {}: HTTP {}", messageId,
                    recordingLabel, registration.id(), status);
            return new Result(registration.id(), registration.destinationUrl(), messageId, status, null);
        } catch (IOException e) {
            log.warn("Delivery {} to webhook {} failed: {}", messageId, registration.id(), e.toString());
            return new Result(registration.id(), registration.destinationUrl(), messageId, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(registration.id(), registration.destinationUrl(), messageId, 0, "interrupted");
        }
    }
}
