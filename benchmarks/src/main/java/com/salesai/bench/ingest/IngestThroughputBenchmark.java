package com.salesai.bench.ingest;

import com.salesai.bench.Benchmark;
import com.salesai.bench.Progress;
import com.salesai.bench.RunContext;
import com.salesai.bench.bare.BareEndpointApplication;
import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Goal;
import com.salesai.bench.report.Section;
import com.salesai.localstack.BenchInfrastructure;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.IntegrationChanged;
import com.salesai.schema.events.IntegrationStatus;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;


import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Ingest throughput and latency against a bare endpoint on the same server stack. Starts the local stack's embedded
 * KRaft broker and MongoDB-compatible server, publishes an active integration for a bench user, then for each target
 * (webhook-ingest-service from its jar, then {@link BareEndpointApplication}) starts a child JVM with the same
 * flags, warms it up and measures the same closed-loop load of signed ~60 KB distinct meetings. The service is
 * profiled with JFR during its measurement.
 */
public final class IngestThroughputBenchmark implements Benchmark {
    static final String TITLE = "Ingest throughput and latency";
    static final double RATIO_THRESHOLD = 20;
    static final Goal RATIO_GOAL = Goal.atLeast(RATIO_THRESHOLD, "% of bare", "issue 22");
    static final Goal P99_GOAL = Goal.below(50, "ms", "issue 22");
    static final Goal CPU_GOAL = Goal.atMost(1.3, "ms", "issue 22: a third of 3.8 ms");
    private static final String USER_ID = "bench-user";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(RunContext context) throws Exception {
        Settings settings = context.quick() ? Settings.QUICK : Settings.FULL;
        Path work = context.freshWorkDir();
        Path jar = context.requireServiceJar("webhook-ingest-service");
        Keyring keyring = Keyring.generate("bench1");
        String secret = StandardWebhooksSigner.newSecret();
        SignedMeetings meetings = new SignedMeetings(secret, USER_ID);
        LoadDriver driver = new LoadDriver(LoadDriver.loopbackClient());

        Measured ingest;
        Measured bare;
        int partitions = BenchInfrastructure.callPartitions();
        try (BenchInfrastructure infrastructure = BenchInfrastructure.start(work.resolve("data"), partitions)) {
            Progress.say("broker " + infrastructure.kafkaBootstrap() + ", mongo " + infrastructure.mongoUri());
            publishIntegration(infrastructure.kafkaBootstrap(), keyring, secret);
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap(),
                    "MONGODB_URI", infrastructure.mongoUri(),
                    "SPRING_PROFILES_ACTIVE", "embedded-mongo",
                    "APP_CRYPTO_KEYS", keyring.spec(),
                    "APP_CRYPTO_ACTIVE_KEY", keyring.activeKeyId(),
                    TopicConfigs.Partitions.CALLS_PARTITIONS_VARIABLE, Integer.toString(partitions));
            ingest = measure("webhook-ingest-service", List.of("-jar", jar.toString()), env,
                    "/readyz", driver, meetings, settings, work, true);
            bare = measure("bare-endpoint", List.of("-cp", System.getProperty("java.class.path"),
                            BareEndpointApplication.class.getName()), Map.of(), "/ready", driver, meetings,
                    settings, work, false);
        }
        return section(ingest, bare, meetings.bodySize(), settings, context.quick());
    }

    private Measured measure(String name, List<String> launch, Map<String, String> env, String readiness,
                             LoadDriver driver, SignedMeetings meetings, Settings settings, Path work,
                             boolean profile) throws Exception {
        try (ChildJvm jvm = ChildJvm.start(name, launch, env, BenchInfrastructure.freePort(), work.resolve("logs"))) {
            long startedAt = System.nanoTime();
            jvm.awaitReady(readiness, READY_TIMEOUT);
            Progress.say(name + " ready in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms (log " + jvm.log()
                    + ")");
            LoadResult warmUp = driver.run(settings.warmUp(), n -> meetings.next(jvm.url()), status -> status == 202);
            Progress.say(name + " warm-up: " + warmUp);
            if (warmUp.successes() == 0) {
                throw new IllegalStateException(name + " accepted nothing during warm-up; first failure: "
                        + warmUp.firstFailure() + "; see " + jvm.log());
            }
            // The driver's JVM also hosts the broker and MongoDB: profile it too, to see what the service waits on.
            ServiceAndDriverRecording recording = profile && !settings.equals(Settings.QUICK)
                    ? ServiceAndDriverRecording.start(jvm) : null;
            Duration cpuBefore = jvm.cpuTime();
            Duration driverCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            LoadResult result = driver.run(settings.measured(), n -> meetings.next(jvm.url()), status -> status == 202);
            double cores = (jvm.cpuTime().minus(cpuBefore).toNanos()) / (double) result.elapsed().toNanos();
            double driverCores = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)
                    .minus(driverCpuBefore).toNanos() / (double) result.elapsed().toNanos();
            Progress.say(name + " measured: " + result + String.format(Locale.ROOT,
                    ", %.2f cores busy, driver+broker+mongo %.2f cores", cores, driverCores));
            ServiceAndDriverRecording.Profiles profiles = recording == null ? null : recording.stop(work, name);
            JfrHotFrames hot = profiles == null ? null : profiles.service();
            JfrHotFrames driverHot = profiles == null ? null : profiles.driver();
            return new Measured(result, cores, driverCores, hot, driverHot);
        }
    }

    private static void publishIntegration(String bootstrap, Keyring keyring, String secret) throws Exception {
        Instant now = Instant.now();
        IntegrationChanged active = new IntegrationChanged(IntegrationChanged.SCHEMA_VERSION, UUID.randomUUID(), now,
                USER_ID, "bench-org", "bench@acme-sales.test", "Bench Rep", IntegrationChanged.PLATFORM_FATHOM,
                IntegrationStatus.ACTIVE, "wh_bench",
                keyring.encrypt(secret, IntegrationChanged.webhookSecretAad(USER_ID, "bench-org")).format(), 1, now,
                null, null, null);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTEGRATIONS, USER_ID,
                    EventJson.mapper().writeValueAsBytes(active))).get(30, TimeUnit.SECONDS);
        }
    }

    static Section section(Measured ingest, Measured bare, int bodySize, Settings settings, boolean quick) {
        double ratio = 100 * ingest.result().requestsPerSecond() / bare.result().requestsPerSecond();
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of("ingest CPU per delivery", ingest.cpuMillisPerRequest(), "ms", CPU_GOAL,
                        "of the service JVM, during measurement"),
                Figure.of("ingest / bare throughput", ratio, "%", RATIO_GOAL, ""),
                Figure.of("ingest p99 latency", ingest.result().percentileMillis(99), "ms", P99_GOAL,
                        ingest.result().successes() + " requests"),
                Figure.context("ingest throughput", ingest.result().requestsPerSecond(), "req/s", ingest.result().outcome()),
                Figure.context("ingest p50 latency", ingest.result().percentileMillis(50), "ms", ""),
                Figure.context("ingest CPU", ingest.cores(), "cores busy", "of the service JVM during measurement"),
                Figure.context("driver CPU during ingest", ingest.driverCores(), "cores busy",
                        "load driver + embedded broker + MongoDB-compatible server (one JVM)"),
                Figure.context("bare throughput", bare.result().requestsPerSecond(), "req/s", bare.result().outcome()),
                Figure.context("bare p50 latency", bare.result().percentileMillis(50), "ms", ""),
                Figure.context("bare p99 latency", bare.result().percentileMillis(99), "ms", ""),
                Figure.context("bare CPU", bare.cores(), "cores busy", "of the bare JVM during measurement"),
                Figure.context("driver CPU during bare", bare.driverCores(), "cores busy", "load driver (idle broker)")));
        if (ingest.hot() != null && ingest.hot().allocatedBytes() > 0) {
            figures.add(Figure.context("memory allocated per delivery", ingest.hot().allocatedBytes()
                    / (double) ingest.result().successes() / 1024, "KiB", String.format(Locale.ROOT, "service JVM,"
                    + " JFR allocation samples over the measurement, per accepted %d-byte webhook", bodySize)));
        }
        String method = String.format(Locale.ROOT, "Closed-loop load over loopback HTTP/1.1 (`java.net.http`), %d"
                        + " requests in flight, each a signed %d-byte fathom-meeting webhook of a distinct meeting"
                        + " (so every request is a new claim in MongoDB and a new record on `calls.recorded`, acks=all)."
                        + " Per target: warm-up %s, then measurement %s (whichever bound comes first). Targets, one"
                        + " after the other, each a child JVM with `%s`: webhook-ingest-service from its jar against the"
                        + " local stack's embedded KRaft broker and MongoDB-compatible server (H2 backend, in the"
                        + " driver's JVM), then a bare Spring MVC + Tomcat endpoint (virtual threads, like the service)"
                        + " that reads the body and answers 202. The driver signs each request in both runs.%s",
                settings.measured().concurrency(), bodySize, settings.warmUp().bounds(),
                settings.measured().bounds(), String.join(" ", ChildJvm.JVM_FLAGS),
                quick ? " QUICK trial settings: figures are meaningless." : "");
        List<String> notes = new ArrayList<>();
        if (ingest.hot() != null) {
            notes.add(ingest.hot().markdown("JFR profile of webhook-ingest-service during measurement"));
        }
        if (ingest.driverHot() != null) {
            notes.add(ingest.driverHot().markdown("JFR profile of the driver JVM (load driver, embedded broker and"
                    + " MongoDB-compatible server) during the ingest measurement"));
        }
        notes.addAll(IngestBounds.notes(figures, ingest, bare));
        return new Section(TITLE, method, figures, notes);
    }

    record Measured(LoadResult result, double cores, double driverCores, JfrHotFrames hot, JfrHotFrames driverHot) {
        double cpuMillisPerRequest() {
            return 1000 * cores / result.requestsPerSecond();
        }
    }

    /** The full warm-up is long enough for the JIT: after 12 s its compilers still took a fifth of the measured CPU. */
    record Settings(LoadSpec warmUp, LoadSpec measured) {
        static final Settings FULL = new Settings(new LoadSpec(16, 20_000, Duration.ofSeconds(25)),
                new LoadSpec(16, 50_000, Duration.ofSeconds(30)));
        static final Settings QUICK = new Settings(new LoadSpec(4, 20, Duration.ofSeconds(10)),
                new LoadSpec(4, 40, Duration.ofSeconds(10)));
    }
}
