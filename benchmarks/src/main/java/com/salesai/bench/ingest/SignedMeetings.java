package com.salesai.bench.ingest;

import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.bench.payloads.MeetingTemplate;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.WebhookHeaders;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed ~60 KB current-format webhooks, each a distinct meeting (new recording id and webhook-id), as Fathom would
 * send them for one user. Shared across phases so no meeting is ever sent twice in a run.
 */
public final class SignedMeetings {
    private final MeetingTemplate template;
    private final AtomicLong nextRecordingId = new AtomicLong(5_000_000_000L);
    private final String secret;
    private final String userId;

    public SignedMeetings(String secret, String userId) {
        this(secret, userId, FathomPayloads.DEFAULT_SIZE);
    }

    /** {@code size}: the body's approximate length in bytes (the transcript is sized to fit). */
    public SignedMeetings(String secret, String userId, int size) {
        this.template = FathomPayloads.meetingTemplate(size);
        this.secret = secret;
        this.userId = userId;
    }

    public int bodySize() {
        return template.body(nextRecordingId.get()).length;
    }

    public HttpRequest next(String baseUrl) {
        long recordingId = nextRecordingId.getAndIncrement();
        byte[] body = template.body(recordingId);
        String webhookId = "msg_bench_" + recordingId;
        long timestamp = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/fathom/" + userId))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.ID, webhookId)
                .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookHeaders.SIGNATURE, StandardWebhooksSigner.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
