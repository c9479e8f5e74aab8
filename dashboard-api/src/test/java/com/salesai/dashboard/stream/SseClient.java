package com.salesai.dashboard.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads an SSE stream line by line over real HTTP into a queue, for assertions with timeouts. */
final class SseClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The line queued when the server ends the stream. */
    static final String END = "end-of-stream";

    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;

    SseClient(int port, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/calls/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            body = r.body();
            lines.add("status:" + r.statusCode());
            lines.add("content-type:" + r.headers().firstValue("Content-Type").orElse(""));
            lines.add("retry-after:" + r.headers().firstValue("Retry-After").orElse(""));
            try {
                body.forEach(lines::add);
                lines.add(END);
            } catch (RuntimeException closed) {
                // the stream was closed by the test
            }
        });
    }

    /** The next line that starts with {@code prefix}, skipping others; null when none arrives in time. */
    String next(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = lines.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (line == null || line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        if (body != null) {
            body.close();
        }
        response.cancel(true);
    }
}
