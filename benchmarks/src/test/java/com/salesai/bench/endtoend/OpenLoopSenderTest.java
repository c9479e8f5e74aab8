package com.salesai.bench.endtoend;

import com.salesai.bench.ingest.LoadDriver;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-loop sender against an in-process server that answers slowly: 202 with a callId, every fourth 503. */
class OpenLoopSenderTest {
    private static final long ANSWER_MILLIS = 300;
    private final AtomicInteger received = new AtomicInteger();
    private final OpenLoopSender sender = new OpenLoopSender(LoadDriver.loopbackClient());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = received.incrementAndGet();
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"callIds\":[\"call-" + n + "\"],\"duplicate\":false}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n % 4 == 0 ? 503 : 202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsAtTheRateWithoutWaitingForSlowAnswersAndStopsAtTheCount() throws InterruptedException {
        long start = System.nanoTime();
        List<OpenLoopSender.Delivery> deliveries = sender.run(50, 20, Duration.ofSeconds(30), i -> request());
        double sendingMillis = (System.nanoTime() - start) / 1e6 - ANSWER_MILLIS;

        assertThat(deliveries).hasSize(20);
        assertThat(received).hasValue(20);
        // 20 due times 20 ms apart: a closed loop with one request in flight would need 20 × 300 ms
        assertThat(deliveries.get(19).dueNanos() - deliveries.get(0).dueNanos()).isEqualTo(19 * 20_000_000L);
        assertThat(sendingMillis).isLessThan(20 * ANSWER_MILLIS / 2.0);
        assertThat(deliveries.stream().filter(OpenLoopSender.Delivery::accepted)).hasSize(15);
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.answeredNanos() - d.dueNanos()).isGreaterThanOrEqualTo(ANSWER_MILLIS * 1_000_000);
            assertThat(d.callIds()).hasSize(d.accepted() ? 1 : 0);
        });
    }

    @Test
    void stopsAtTheDurationWhenTheCountIsFarAway() throws InterruptedException {
        List<OpenLoopSender.Delivery> deliveries = sender.run(10, 1_000_000, Duration.ofMillis(450), i -> request());

        assertThat(deliveries).hasSize(5);
        assertThat(received).hasValue(5);
    }

    @Test
    void readsCallIdsOnlyFromSuccessfulJsonAnswers() {
        assertThat(OpenLoopSender.callIds(202, "{\"callIds\":[\"a\",\"b\"],\"duplicate\":false}"))
                .containsExactly("a", "b");
        assertThat(OpenLoopSender.callIds(422, "{\"callIds\":[\"a\"]}")).isEmpty();
        assertThat(OpenLoopSender.callIds(202, "not json")).isEmpty();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[512])).build();
    }
}
