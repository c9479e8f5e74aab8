package com.salesai.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static com.salesai.localstack.StackClient.await;
import static com.salesai.localstack.StackClient.post;
import static com.salesai.localstack.StackClient.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into one running stack while {@link WebhookDriver} streams signed webhooks; after each: every
 * accepted delivery is exactly one call record, evaluated (or failed with a reason where the fault exhausts the
 * retries), no call was evaluated twice at the fake OpenAI, nothing accepted was lost. Writes {@code RELIABILITY.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
    private static final Duration STREAM_INTERVAL = Duration.ofMillis(400);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final FaultReport REPORT = new FaultReport();
    private static final Instant SUITE_START = Instant.now();

    @TempDir
    static Path data;
    static FakeOpenAi openAi;
    static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        openAi = FakeOpenAi.start(0, Duration.ofMillis(50));
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, freePort());
        }
        StackConfig config = new StackConfig(Path.of("../..").toAbsolutePath().normalize(), data, freePort(),
                freePort(), freePort(), ports, 3);
        stack = Stack.start(config, Map.of("OPENAI_API_KEY", "fault-key", "OPENAI_BASE_URL", openAi.baseUrl(),
                "OPENAI_TIMEOUT", "3s", "OPENAI_MAX_RETRIES", "1", "ANALYSIS_RETRY_INITIAL_INTERVAL", "1s",
                "ANALYSIS_RETRY_ATTEMPTS", "4"));
        String alice = DevTokens.mint(stack.secrets().devSecret(), "rep-alice", "org-acme", "member", "Alice Martin",
                "alice@acme-sales.test", Duration.ofHours(1));
        var saved = put(stack.config().url(StackService.INTEGRATION) + "/api/integrations/fathom", alice,
                "{\"apiKey\":\"emulator-api-key\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // the ingest learns the webhook secret from fathom.integrations: wait until a probe delivery is accepted
        await(() -> post(stack.config().url(StackService.FATHOM_EMULATOR) + "/emulator/deliveries", null,
                        "{\"hello\":\"probe\"}"),
                reply -> reply.body().contains("\"status\":422"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopStackAndReport() throws IOException {
        try {
            REPORT.write(stack.config().root().resolve("RELIABILITY.md"), Duration.between(SUITE_START,
                    Instant.now()));
        } finally {
            stack.close();
            openAi.close();
        }
    }

    @Test
    @Order(1)
    void dashboardRestartedWithAnEmptyReadModelRebuildsFromTheTopics() throws Exception {
        runFault("5. dashboard-api restarted with an empty read model", "dash", false, () -> {
            stack.process(StackService.DASHBOARD).stop();
            try (MongoClient mongo = mongo()) {
                mongo.getDatabase("fathom_dashboard").drop();
            }
            stack.restart(StackService.DASHBOARD);
            return null;
        });
    }

    @Test
    @Order(2)
    void analysisKilledHardMidStreamLosesAndDoublesNothing() throws Exception {
        runFault("2. analysis-service kill -9 mid-stream, restarted", "kill", false, () -> {
            stack.process(StackService.ANALYSIS).kill();
            Thread.sleep(5_000);
            stack.restart(StackService.ANALYSIS);
            return null;
        });
    }

    @Test
    @Order(3)
    void openAiRateLimitsServerErrorsAndTimeoutsThenHealthy() throws Exception {
        runFault("3. OpenAI 429 (10 s), 500 (5 s), timeouts (6 s), then healthy", "openai", true, () -> {
            openAi.mode(FakeOpenAi.Mode.RATE_LIMITED);
            Thread.sleep(10_000);
            openAi.mode(FakeOpenAi.Mode.SERVER_ERROR);
            Thread.sleep(5_000);
            openAi.mode(FakeOpenAi.Mode.HANGING);
            Thread.sleep(6_000);
            openAi.mode(FakeOpenAi.Mode.HEALTHY);
            return null;
        });
    }

    /** Streams, injects the fault after a steady start, lets the stream run on, then checks and reports. */
    private static void runFault(String fault, String label, boolean mayExhaustRetries, Callable<Void> inject)
            throws Exception {
        WebhookDriver driver = new WebhookDriver(stack.config().url(StackService.FATHOM_EMULATOR), "rep-alice",
                label, STREAM_INTERVAL);
        Instant faultEnded;
        try {
            Thread.sleep(6_000);
            inject.call();
            faultEnded = Instant.now();
            Thread.sleep(6_000);
            driver.finish(Duration.ofSeconds(60));
        } finally {
            driver.close();
        }
        List<WebhookDriver.Delivery> deliveries = driver.deliveries();
        List<WebhookDriver.Delivery> accepted = deliveries.stream().filter(WebhookDriver.Delivery::accepted).toList();
        Map<String, List<Document>> records = awaitSettled(label, accepted.size());
        Duration toRecover = Duration.between(faultEnded, Instant.now());

        int evaluated = 0;
        int failed = 0;
        int duplicates = 0;
        int lost = 0;
        for (WebhookDriver.Delivery delivery : accepted) {
            List<Document> copies = records.getOrDefault(delivery.title, List.of());
            duplicates += Math.max(0, copies.size() - 1);
            if (copies.isEmpty()) {
                lost++;
                continue;
            }
            String status = copies.get(0).getString("status");
            if ("evaluated".equals(status)) {
                evaluated++;
            } else if ("failed".equals(status)) {
                failed++;
            } else {
                lost++;
            }
        }
        Map<String, Integer> evaluations = evaluationsPerTitle(label);
        for (int count : evaluations.values()) {
            duplicates += Math.max(0, count - 1);
        }
        REPORT.add(new FaultReport.Row(fault, deliveries.size(), accepted.size(), evaluated, failed, duplicates, lost,
                toRecover));

        assertThat(accepted).as("deliveries accepted").hasSizeGreaterThan(20);
        assertThat(accepted).as("every delivery is eventually accepted (Svix retries)").hasSameSizeAs(deliveries);
        assertThat(lost).as("accepted but lost").isZero();
        assertThat(duplicates).as("call records or OpenAI evaluations doubled").isZero();
        assertThat(records.keySet()).as("no call without an accepted delivery")
                .isSubsetOf(accepted.stream().map(d -> d.title).toList());
        if (mayExhaustRetries) {
            records.values().stream().map(copies -> copies.get(0)).filter(r -> "failed".equals(r.getString("status")))
                    .forEach(r -> assertThat(r.get("failure", Document.class).getString("reason")).isNotBlank());
        } else {
            assertThat(failed).as("failed calls").isZero();
        }
        assertThat(evaluations.keySet()).hasSize(evaluated);
    }

    /** Waits until every accepted call of this run has a final status; returns the records by title. */
    private static Map<String, List<Document>> awaitSettled(String label, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        Map<String, List<Document>> byTitle = Map.of();
        while (Instant.now().isBefore(deadline)) {
            byTitle = records(label);
            long settled = byTitle.values().stream().filter(copies -> Set.of("evaluated", "failed")
                    .contains(copies.get(0).getString("status"))).count();
            if (settled >= expected) {
                return byTitle;
            }
            Thread.sleep(1_000);
        }
        return byTitle;
    }

    private static Map<String, List<Document>> records(String label) {
        String prefix = "Fault " + label + " call ";
        Map<String, List<Document>> byTitle = new HashMap<>();
        try (MongoClient mongo = mongo()) {
            for (Document record : mongo.getDatabase("fathom_dashboard").getCollection("call_records").find()) {
                Document recorded = record.get("recorded", Document.class);
                String title = recorded == null ? null : recorded.getString("title");
                if (title != null && title.startsWith(prefix)) {
                    byTitle.computeIfAbsent(title, t -> new java.util.ArrayList<>()).add(record);
                }
            }
        }
        return byTitle;
    }

    /** How many evaluations the fake OpenAI answered per call of this run (the prompt carries the title). */
    private static Map<String, Integer> evaluationsPerTitle(String label) {
        java.util.regex.Pattern title = java.util.regex.Pattern.compile("Fault " + label + " call \\d{3}");
        Map<String, Integer> counts = new HashMap<>();
        for (String request : openAi.answeredEvaluations()) {
            java.util.regex.Matcher matcher = title.matcher(request);
            if (matcher.find()) {
                counts.merge(matcher.group(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static MongoClient mongo() {
        return MongoClients.create("mongodb://127.0.0.1:" + stack.config().mongoPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
