package com.salesai.ingest;

import com.salesai.schema.webhooks.StandardWebhooksSigner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Posts signed (or deliberately mis-signed) deliveries to the running service. */
public final class WebhookClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    WebhookClient(int port) {
        this.port = port;
    }

    public static String newWebhookId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Signed now with the user's secret, under a fresh webhook id. */
    public HttpResponse<String> deliver(IngestSpringTest.TestUser user, String body) {
        return deliver(user, newWebhookId(), body);
    }

    public HttpResponse<String> deliver(IngestSpringTest.TestUser user, String webhookId, String body) {
        return send(signed(user, webhookId, body).build());
    }

    /** Signed now, under a fresh webhook id, continuing the sender's trace (W3C {@code traceparent}). */
    public HttpResponse<String> deliverTraced(IngestSpringTest.TestUser user, String body, String traceparent) {
        return send(signed(user, newWebhookId(), body).header("traceparent", traceparent).build());
    }

    private HttpRequest.Builder signed(IngestSpringTest.TestUser user, String webhookId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        return request(user.userId(), webhookId, Long.toString(ts),
                StandardWebhooksSigner.sign(user.secret(), webhookId, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    /** Any header may be null to leave it out. */
    public HttpResponse<String> post(String userId, String webhookId, String timestamp, String signature,
                                     byte[] body) {
        return send(request(userId, webhookId, timestamp, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Chunked transfer: no Content-Length, so the service must stop reading by itself. */
    public HttpResponse<String> postChunked(String userId, String webhookId, String timestamp, String signature,
                                            byte[] body) {
        return send(request(userId, webhookId, timestamp, signature)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    private HttpRequest.Builder request(String userId, String webhookId, String timestamp, String signature) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/webhooks/fathom/" + userId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (webhookId != null) {
            builder.header("webhook-id", webhookId);
        }
        if (timestamp != null) {
            builder.header("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            builder.header("webhook-signature", signature);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
