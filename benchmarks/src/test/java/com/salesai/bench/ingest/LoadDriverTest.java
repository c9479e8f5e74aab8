package com.salesai.bench.ingest;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The load driver against a tiny in-process server that answers 202, except every fifth request 503. */
class LoadDriverTest {
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer server;
    private final LoadDriver driver = new LoadDriver(LoadDriver.loopbackClient());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = received.incrementAndGet() % 5 == 0 ? 503 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void stopsAtTheRequestCountAndCountsFailuresByStatus() throws InterruptedException {
        LoadResult result = driver.run(new LoadSpec(3, 50, Duration.ofSeconds(30)), n -> request(), s -> s == 202);

        assertThat(received).hasValue(50);
        assertThat(result.successes()).isEqualTo(40);
        assertThat(result.failuresByStatus()).containsEntry(503, 10L);
        assertThat(result.firstFailure()).startsWith("503");
        assertThat(result.percentileMillis(50)).isPositive().isLessThanOrEqualTo(result.percentileMillis(99));
        assertThat(result.requestsPerSecond()).isPositive();
    }

    @Test
    void stopsAtTheDurationWhenTheCountIsFarAway() throws InterruptedException {
        LoadResult result = driver.run(new LoadSpec(2, 10_000_000, Duration.ofMillis(500)), n -> request(),
                s -> s == 202);

        // Bounded by the duration plus the requests in flight when it passed, even on a loaded machine.
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.successes() + result.failures()).isEqualTo(received.get()).isLessThan(10_000_000);
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024])).build();
    }
}
