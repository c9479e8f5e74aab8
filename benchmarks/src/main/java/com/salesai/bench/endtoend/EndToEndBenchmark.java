package com.salesai.bench.endtoend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.salesai.bench.Benchmark;
import com.salesai.bench.Progress;
import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.bench.RunContext;
import com.salesai.bench.ingest.ChildJvm;
import com.salesai.bench.ingest.JfrHotFrames;
import com.salesai.bench.ingest.LoadDriver;
import com.salesai.bench.ingest.SignedMeetings;
import com.salesai.bench.report.Section;
import com.salesai.localstack.BenchOpenAi;
import com.salesai.localstack.BenchStack;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import com.salesai.schema.webhooks.WebhookHeaders;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Webhook → {@code evaluated} on the dashboard, through the whole local stack (embedded broker and MongoDB-compatible
 * server, Fathom emulator, the four service jars) with the fake OpenAI answering after a fixed latency. A rep saves a
 * Fathom integration with the emulator's key; the benchmark reads the webhook secret integration-service stored (as
 * the ingest does: keyring + stack secrets), signs current-format webhooks of distinct meetings itself and sends them
 * straight to webhook-ingest-service at a fixed open-loop rate, while subscribed to dashboard-api's SSE stream.
 */
public final class EndToEndBenchmark implements Benchmark {
    static final String TITLE = "End-to-end latency";
    private static final String REP = "rep-bench";
    private static final String ORG = "org-bench";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = LoadDriver.loopbackClient();

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(RunContext context) throws Exception {
        EndToEndSettings settings = context.quick() ? EndToEndSettings.QUICK : EndToEndSettings.FULL;
        Path work = context.freshWorkDir();
        try (BenchOpenAi openAi = BenchOpenAi.start(settings.openAiLatency())) {
            long startedAt = System.nanoTime();
            try (BenchStack stack = BenchStack.start(context.repositoryRoot(), work.resolve("stack"), Map.of(
                    "JAVA_TOOL_OPTIONS", ChildJvm.JFR_AT_LAUNCH, // profiled later without deoptimizing
                    "OPENAI_API_KEY", "bench-key", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "ANALYSIS_CONCURRENCY", Integer.toString(settings.analysisConcurrency())))) {
                long startMillis = (System.nanoTime() - startedAt) / 1_000_000;
                Progress.say("stack ready in " + startMillis + " ms (logs " + work.resolve("stack/logs") + ")");
                String secret = saveIntegration(stack);
                SignedMeetings meetings = new SignedMeetings(secret, REP, settings.bodySize());
                awaitIngestKnowsRep(stack, secret);
                prime(stack, meetings);
                String head = stack.devToken("head-bench", ORG, "head_of_sales", "Head Bench",
                        "head@acme-sales.test", Duration.ofHours(1));
                try (StatusStream stream = StatusStream.open(http, stack.dashboardUrl(), head, STEP_TIMEOUT)) {
                    return measure(stack, openAi, stream, meetings, settings, work, context.quick(), startMillis);
                }
            }
        }
    }

    private Section measure(BenchStack stack, BenchOpenAi openAi, StatusStream stream, SignedMeetings meetings,
                            EndToEndSettings settings, Path work, boolean quick, long startMillis)
            throws Exception {
        OpenLoopSender sender = new OpenLoopSender(http);
        int warmUpCalls = (int) Math.ceil(settings.perSecond() * settings.warmUp().toSeconds());
        List<OpenLoopSender.Delivery> warmUp = sender.run(settings.perSecond(), warmUpCalls, settings.warmUp(),
                i -> meetings.next(stack.ingestUrl()));
        Set<String> warmCalls = acceptedCalls(warmUp);
        if (warmCalls.isEmpty()) {
            throw new IllegalStateException("ingest accepted nothing during warm-up (statuses "
                    + EndToEndTally.of(warmUp, Map.of(), Map.of(), Map.of()).rejectedByStatus() + "); see "
                    + work.resolve("stack/logs"));
        }
        // A cold analysis-service takes many seconds over its first OpenAI calls: let the warm-up calls through
        // first, so the measured ones do not queue behind them.
        long warmDrainMillis = drain(warmCalls, stream, settings.maxDrain());
        Progress.say("warm-up: " + warmCalls.size() + " of " + warmUp.size() + " accepted, settled in "
                + warmDrainMillis + " ms");
        List<ProcessRecording> jvms = new ArrayList<>();
        stack.serviceProcesses().forEach((name, process) -> jvms.add(new ProcessRecording(name, process,
                work.resolve("stack/logs/" + name + ".log"))));
        boolean profile = !quick;
        jvms.forEach(jvm -> jvm.start(profile));
        Recording driverRecording = profile ? new Recording(Configuration.getConfiguration("profile")) : null;
        if (driverRecording != null) {
            driverRecording.start();
        }
        Duration driverCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        long measureStart = System.nanoTime();
        List<OpenLoopSender.Delivery> deliveries = sender.run(settings.perSecond(), settings.maxCalls(),
                settings.measured(), i -> meetings.next(stack.ingestUrl()));
        Set<String> accepted = acceptedCalls(deliveries);
        Progress.say("sent " + deliveries.size() + ", accepted calls " + accepted.size() + "; draining");
        long drainMillis = drain(accepted, stream, settings.maxDrain());
        double elapsedSeconds = (System.nanoTime() - measureStart) / 1e9;
        Duration driverCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)
                .minus(driverCpuBefore);
        EndToEndTally tally = EndToEndTally.of(deliveries, Map.copyOf(stream.pendingAt()),
                Map.copyOf(stream.evaluatedAt()), Map.copyOf(stream.failedAt()));
        int evaluatedButUnseen = countEvaluatedOnDashboard(stack, tally.lost());
        Progress.say("evaluated " + tally.toEvaluated().successes() + ", failed " + tally.failed() + ", unseen "
                + tally.lost().size() + " (of which evaluated on the dashboard: " + evaluatedButUnseen + "), p95 "
                + tally.toEvaluated().percentileMillis(95) + " ms; drain took " + drainMillis + " ms");

        Map<String, Double> coresBusy = new LinkedHashMap<>();
        for (ProcessRecording jvm : jvms) {
            coresBusy.put(jvm.name(), jvm.cpuSinceStart().toNanos() / 1e9 / elapsedSeconds);
        }
        coresBusy.put("driver (broker, MongoDB, fake OpenAI, sender)", driverCpu.toNanos() / 1e9 / elapsedSeconds);
        String busiest = jvms.stream().max(Comparator.comparingDouble(j -> coresBusy.get(j.name())))
                .map(ProcessRecording::name).orElse(null);
        JfrHotFrames busiestHot = null;
        JfrHotFrames driverHot = null;
        for (ProcessRecording jvm : jvms) {
            Path file = work.resolve(jvm.name() + ".jfr");
            if (jvm.stop(file) && jvm.name().equals(busiest)) {
                busiestHot = JfrHotFrames.read(file, 10);
            }
        }
        if (driverRecording != null) {
            Path file = work.resolve("driver.jfr");
            driverRecording.stop();
            driverRecording.dump(file);
            driverRecording.close();
            driverHot = JfrHotFrames.read(file, 8);
        }
        return EndToEndReport.section(new EndToEndReport.Run(settings, tally, evaluatedButUnseen,
                openAi.evaluations(), meetings.bodySize(), startMillis, warmDrainMillis, drainMillis, elapsedSeconds,
                coresBusy,
                busiest, busiestHot, driverHot, stack.callPartitions()), quick);
    }

    private static Set<String> acceptedCalls(List<OpenLoopSender.Delivery> deliveries) {
        Set<String> accepted = new HashSet<>();
        deliveries.stream().filter(OpenLoopSender.Delivery::accepted).forEach(d -> accepted.addAll(d.callIds()));
        return accepted;
    }

    /** Waits (≤ {@code bound}) until every call is seen evaluated or failed; returns how long that took. */
    private static long drain(Set<String> calls, StatusStream stream, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (System.nanoTime() < deadline && !allSettled(calls, stream)) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static boolean allSettled(Set<String> accepted, StatusStream stream) {
        for (String callId : accepted) {
            if (!stream.evaluatedAt().containsKey(callId) && !stream.failedAt().containsKey(callId)) {
                return false;
            }
        }
        return true;
    }

    /** Of the calls the SSE stream never showed evaluated, those the dashboard's read model has evaluated. */
    private int countEvaluatedOnDashboard(BenchStack stack, List<String> unseen) throws Exception {
        String token = stack.devToken("head-bench", ORG, "head_of_sales", "Head Bench", "head@acme-sales.test",
                Duration.ofMinutes(10));
        int evaluated = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String callId : unseen.subList(0, Math.min(unseen.size(), 200))) {
            if (System.nanoTime() > deadline) {
                break;
            }
            try {
                HttpResponse<String> call = http.send(HttpRequest.newBuilder(URI.create(stack.dashboardUrl()
                                + "/api/calls/" + callId)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (call.statusCode() == 200 && call.body().contains("\"status\":\"evaluated\"")) {
                    evaluated++;
                }
            } catch (java.io.IOException unanswered) {
                // an overloaded dashboard: the call stays counted lost
            }
        }
        return evaluated;
    }

    /** Saves the rep's Fathom integration with the emulator's key and reads back the webhook secret it stored. */
    private String saveIntegration(BenchStack stack) throws Exception {
        String rep = stack.devToken(REP, ORG, "member", FathomPayloads.RECORDER_NAME,
                FathomPayloads.RECORDER_EMAIL, Duration.ofHours(1));
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(stack.integrationUrl()
                        + "/api/integrations/fathom")).timeout(STEP_TIMEOUT)
                .header("Authorization", "Bearer " + rep).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"apiKey\":\"emulator-api-key\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("saving the integration answered " + saved.statusCode());
        }
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            while (System.nanoTime() < deadline) {
                Document integration = mongo.getDatabase("fathom_integration").getCollection("integrations")
                        .find(Filters.eq("userId", REP)).first();
                String encrypted = integration == null ? null : integration.getString("encryptedWebhookSecret");
                if (encrypted != null) {
                    return stack.keyring().decrypt(EncryptedValue.parse(encrypted),
                            IntegrationChanged.webhookSecretAad(REP, ORG));
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("no webhook secret stored for " + REP + " within " + STEP_TIMEOUT);
    }

    /**
     * Sends meetings one at a time until one is accepted: the first publishes of a cold ingest to a cold broker can
     * outlast the producer's delivery timeout on a busy machine, which an open-loop burst would only pile onto.
     */
    private void prime(BenchStack stack, SignedMeetings meetings) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = http.send(meetings.next(stack.ingestUrl()), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (java.io.IOException timedOut) {
                status = -1;
            }
            if (status == 202) {
                return;
            }
        }
        throw new IllegalStateException("ingest accepted no meeting within " + STEP_TIMEOUT + "; last status "
                + status);
    }

    /** Ingest learns integrations from {@code fathom.integrations}: waits until a signed probe gets 422, not 404. */
    private void awaitIngestKnowsRep(BenchStack stack, String secret) throws Exception {
        byte[] probe = "{\"hello\":\"probe\"}".getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        int status = 0;
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String webhookId = "msg_probe_" + attempt;
            long timestamp = System.currentTimeMillis() / 1000;
            status = http.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/api/webhooks/fathom/" + REP))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header(WebhookHeaders.ID, webhookId).header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookHeaders.SIGNATURE, StandardWebhooksSigner.sign(secret, webhookId, timestamp, probe))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(probe)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 422) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ingest still answers " + status + " to a signed probe for " + REP);
    }
}
