package com.salesai.emulator;

import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint for tests: answers the given statuses in turn (the last one repeats), records requests. */
final class Destination implements AutoCloseable {
    record Received(String id, String timestamp, String signature, String body, String traceparent) {
        boolean signedWith(String secret) {
            return new StandardWebhooksVerifier(Clock.systemUTC()).verify(secret, id, timestamp, signature,
                    body.getBytes(StandardCharsets.UTF_8)).isVerified();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();

    private Destination(int[] statuses, String headerName, String headerValue) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("traceparent")));
            int index = Math.min(answered.getAndIncrement(), statuses.length - 1);
            if (headerName != null) {
                exchange.getResponseHeaders().add(headerName, headerValue);
            }
            exchange.sendResponseHeaders(statuses[index], -1);
            exchange.close();
        });
        server.start();
    }

    static Destination answering(int... statuses) {
        return new Destination(statuses, null, null);
    }

    static Destination answeringWithHeader(String name, String value, int... statuses) {
        return new Destination(statuses, name, value);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests arrived (polling, no longer than needed). */
    List<Received> await(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
