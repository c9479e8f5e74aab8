package com.salesai.bench.endtoend;

import com.salesai.schema.events.EventJson;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop load: request i is due at {@code start + i / rate} whatever happened to the earlier ones (asynchronous
 * sends, so a slow answer never delays the next request, unlike a closed loop), until the count or the duration is
 * reached. Latencies downstream are measured from the due time, so a late sender does not hide queueing.
 */
final class OpenLoopSender {
    private final HttpClient client;

    OpenLoopSender(HttpClient client) {
        this.client = client;
    }

    /** What happened to one request: when it was due, its status (-1 on I/O error) and the callIds of a 2xx. */
    record Delivery(int index, long dueNanos, long answeredNanos, int status, List<String> callIds) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** @param requests builds request number i (called on the sending thread, at its due time) */
    List<Delivery> run(double perSecond, int maxRequests, Duration maxDuration, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        long period = Math.round(1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + maxDuration.toNanos();
        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        for (int i = 0; i < maxRequests; i++) {
            long due = start + i * period;
            if (due >= end) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int index = i;
            sent.add(client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> response == null
                            ? new Delivery(index, due, System.nanoTime(), -1, List.of())
                            : new Delivery(index, due, System.nanoTime(), response.statusCode(),
                            callIds(response.statusCode(), response.body()))));
        }
        List<Delivery> deliveries = new ArrayList<>(sent.size());
        for (CompletableFuture<Delivery> delivery : sent) {
            // every request carries its own timeout, so this wait is bounded by it
            try {
                deliveries.add(delivery.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a request neither answered nor timed out", e);
            }
        }
        return deliveries;
    }

    static List<String> callIds(int status, String body) {
        if (status < 200 || status >= 300 || body == null || body.isBlank()) {
            return List.of();
        }
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : EventJson.mapper().readTree(body).path("callIds")) {
                ids.add(id.asString());
            }
            return ids;
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }
}
