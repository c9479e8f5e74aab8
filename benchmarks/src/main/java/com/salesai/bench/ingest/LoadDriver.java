package com.salesai.bench.ingest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * Closed-loop HTTP load: {@code concurrency} threads each send a request, wait for its whole response, record the
 * latency and send the next, until the request count or the duration of the {@link LoadSpec} is reached. Requests
 * are built on the sending thread (the caller signs them there), so every target gets the same client-side cost.
 */
public final class LoadDriver {
    private final HttpClient client;

    public LoadDriver(HttpClient client) {
        this.client = client;
    }

    public static HttpClient loopbackClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * @param requests builds request number n (0-based within this phase)
     * @param success  which status codes count as success
     */
    public LoadResult run(LoadSpec spec, LongFunction<HttpRequest> requests, IntPredicate success)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + spec.maxDuration().toNanos();
        for (int w = 0; w < spec.concurrency(); w++) {
            long[] own = new long[spec.maxRequests()];
            int[] ownCount = new int[1];
            latencies.add(own);
            counts.add(ownCount);
            Thread worker = new Thread(() -> {
                long n;
                while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < spec.maxRequests()) {
                    HttpRequest request = requests.apply(n);
                    long sent = System.nanoTime();
                    int status;
                    String body;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } catch (IOException e) {
                        status = -1;
                        body = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long took = System.nanoTime() - sent;
                    if (success.test(status)) {
                        own[ownCount[0]++] = took;
                    } else {
                        failures.merge(status, 1L, Long::sum);
                        String detail = status + " " + body;
                        firstFailure.compareAndSet(null, detail.substring(0, Math.min(300, detail.length())));
                    }
                }
            }, "load-" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < latencies.size(); w++) {
            System.arraycopy(latencies.get(w), 0, all, at, counts.get(w)[0]);
            at += counts.get(w)[0];
        }
        return LoadResult.of(all, failures, elapsed, firstFailure.get());
    }
}
