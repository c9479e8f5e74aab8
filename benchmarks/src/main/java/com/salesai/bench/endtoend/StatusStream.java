package com.salesai.bench.endtoend;

import com.salesai.schema.events.EventJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A subscriber of dashboard-api's {@code GET /api/calls/stream}: notes the moment (this JVM's nanoTime, at the line's
 * arrival) each call is first seen {@code evaluated} or {@code failed}. Reads on a daemon thread until closed.
 */
final class StatusStream implements AutoCloseable {
    static final String EVENT = "call-status";

    private final Map<String, Long> pendingAt = new ConcurrentHashMap<>();
    private final Map<String, Long> evaluatedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private String eventName;

    /** Subscribes and waits (≤ {@code timeout}) for the server's first comment, so no later change is missed. */
    static StatusStream open(HttpClient client, String dashboardUrl, String token, Duration timeout)
            throws Exception {
        StatusStream stream = new StatusStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/calls/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("SSE subscription answered " + response.statusCode());
        }
        stream.lines = response.body();
        Thread reader = new Thread(() -> {
            try {
                stream.lines.forEach(stream::accept);
            } catch (RuntimeException closed) {
                // the stream was closed or the server went away: the benchmark counts what was seen
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        if (!stream.connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stream.close();
            throw new IllegalStateException("SSE stream sent nothing within " + timeout.toSeconds() + " s");
        }
        return stream;
    }

    /** One line of the event stream (SSE framing: {@code event:}, {@code data:}, comments, blank line ends). */
    void accept(String line) {
        long now = System.nanoTime();
        connected.countDown();
        if (line.isEmpty()) {
            eventName = null;
        } else if (line.startsWith("event:")) {
            eventName = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:") && EVENT.equals(eventName)) {
            JsonNode data;
            try {
                data = EventJson.mapper().readTree(line.substring("data:".length()).strip());
            } catch (RuntimeException notJson) {
                return;
            }
            String status = data.path("status").asString("");
            String callId = data.path("callId").asString("");
            if (status.equals("pending")) {
                pendingAt.putIfAbsent(callId, now);
            } else if (status.equals("evaluated")) {
                evaluatedAt.putIfAbsent(callId, now);
            } else if (status.equals("failed")) {
                failedAt.putIfAbsent(callId, now);
            }
        }
    }

    /** When each call was first seen pending (its CallRecorded applied by dashboard-api), nanoTime, by callId. */
    Map<String, Long> pendingAt() {
        return pendingAt;
    }

    /** When each call was first seen evaluated, nanoTime, by callId. */
    Map<String, Long> evaluatedAt() {
        return evaluatedAt;
    }

    Map<String, Long> failedAt() {
        return failedAt;
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
    }
}
