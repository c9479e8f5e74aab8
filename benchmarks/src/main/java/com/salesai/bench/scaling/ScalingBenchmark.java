package com.salesai.bench.scaling;

import com.salesai.bench.Benchmark;
import com.salesai.bench.Progress;
import com.salesai.bench.RunContext;
import com.salesai.bench.ingest.ChildJvm;
import com.salesai.bench.ingest.JfrHotFrames;
import com.salesai.bench.report.Section;
import com.salesai.localstack.BenchInfrastructure;
import com.salesai.localstack.BenchOpenAi;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.TopicConfigs;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * analysis-service throughput with 1, 2 and 4 instances (one consumer each) of group {@code analysis} on a
 * 12-partition {@code calls.recorded}, against the fake OpenAI with a fixed latency. One embedded broker and
 * MongoDB-compatible server; per instance count, instances are added from the jar (those running stay) and waited
 * for until the group is stable with every partition assigned, one untimed warm-up call per partition, then N
 * short calls produced evenly over the partitions, timed to the N-th {@code CallAnalyzed}.
 */
public final class ScalingBenchmark implements Benchmark {
    static final String TITLE = "Analysis scaling";
    static final String GROUP = "analysis";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(RunContext context) throws Exception {
        ScalingSettings settings = context.quick() ? ScalingSettings.QUICK : ScalingSettings.FULL;
        Path work = context.freshWorkDir();
        Path jar = context.requireServiceJar("analysis-service");
        List<ScalingReport.Step> steps = new ArrayList<>();
        JfrHotFrames hot = null;
        String notRun = null;
        List<ChildJvm> jvms = new ArrayList<>();
        try (BenchOpenAi openAi = BenchOpenAi.start(settings.openAiLatency());
             BenchInfrastructure infrastructure = BenchInfrastructure.start(work.resolve("data"),
                     settings.partitions())) {
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap(),
                    "MONGODB_URI", infrastructure.mongoUri(),
                    "SPRING_PROFILES_ACTIVE", "embedded-mongo",
                    "OPENAI_API_KEY", "bench-key",
                    "OPENAI_BASE_URL", openAi.baseUrl(),
                    "ANALYSIS_CONCURRENCY", "1",
                    // the settings API's sign-in, which the service needs to start; no request uses it here
                    "APP_AUTH_DEV_SECRET", "bench-dev-secret-0123456789-abcdefghijklmnop",
                    TopicConfigs.Partitions.CALLS_PARTITIONS_VARIABLE, Integer.toString(settings.partitions()));
            try {
                for (int instances : settings.instanceCounts()) {
                    boolean profile = !context.quick() && instances == settings.instanceCounts().get(
                            settings.instanceCounts().size() - 1);
                    Measured measured;
                    try {
                        measured = measure(instances, jvms, jar, env, infrastructure.kafkaBootstrap(), settings,
                                work, profile);
                    } catch (Exception e) {
                        if (steps.isEmpty()) {
                            throw e;
                        }
                        // keep what was measured; the report marks this and the larger counts as not run
                        e.printStackTrace();
                        notRun = instances + " instances: " + e.getMessage();
                        break;
                    }
                    steps.add(measured.step());
                    if (measured.hot() != null) {
                        hot = measured.hot();
                    }
                }
            } finally {
                for (ChildJvm jvm : jvms) {
                    jvm.close();
                }
            }
        }
        return ScalingReport.section(settings, steps, notRun, hot, context.quick());
    }

    private record Measured(ScalingReport.Step step, JfrHotFrames hot) {
    }

    /**
     * Adds instances to {@code jvms} (the ones already running stay, warm) until there are {@code instances}, waits
     * for the group to settle, warms the new ones up and measures. Every run's calls have their own ids, so each is
     * analyzed although the idempotency store is shared.
     */
    private Measured measure(int instances, List<ChildJvm> jvms, Path jar, Map<String, String> env, String bootstrap,
                             ScalingSettings settings, Path work, boolean profile) throws Exception {
        long startedAt = System.nanoTime();
        List<ChildJvm> added = new ArrayList<>();
        while (jvms.size() < instances) {
            ChildJvm jvm = ChildJvm.start("analysis-" + jvms.size(), List.of("-jar", jar.toString()), env,
                    BenchInfrastructure.freePort(), work.resolve("logs"));
            jvms.add(jvm);
            added.add(jvm);
        }
        for (ChildJvm jvm : added) {
            jvm.awaitReady("/readyz", READY_TIMEOUT);
        }
        awaitGroup(bootstrap, instances, settings.partitions());
        long readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
        Progress.say(instances + " analysis instance(s) (" + added.size() + " added) ready, group stable, in "
                + readyMillis + " ms");
        // A cold instance takes seconds over its first calls: one call per partition first, not timed.
        long warmStart = System.nanoTime();
        AnalyzedCounter.Count warm = analyze(bootstrap, settings, settings.partitions(), "warm-" + instances).count();
        Progress.say(instances + " instance(s) warm-up: " + warm.calls() + " calls analyzed in "
                + (System.nanoTime() - warmStart) / 1_000_000 + " ms");
        ChildJvm profiled = jvms.get(0);
        boolean recording = profile && profiled.startRecording();
        List<Duration> cpuBefore = jvms.stream().map(ChildJvm::cpuTime).toList();
        Analyzed analyzed = analyze(bootstrap, settings, settings.calls(), "k" + instances);
        AnalyzedCounter.Count count = analyzed.count();
        long end = count.calls() == settings.calls() ? count.lastAtNanos() : System.nanoTime();
        double seconds = (end - analyzed.start()) / 1e9;
        double cpu = 0;
        for (int i = 0; i < jvms.size(); i++) {
            cpu += jvms.get(i).cpuTime().minus(cpuBefore.get(i)).toNanos() / 1e9;
        }
        ScalingReport.Step step = new ScalingReport.Step(instances, count.calls(), seconds, readyMillis,
                cpu / seconds);
        Progress.say(instances + " instance(s): " + step);
        JfrHotFrames hot = null;
        Path file = work.resolve("analysis-0-with-" + instances + ".jfr");
        if (recording && profiled.stopRecording(file)) {
            hot = JfrHotFrames.read(file, 10);
        }
        return new Measured(step, hot);
    }

    /** Waits until group {@code analysis} is stable with {@code members} members sharing every partition. */
    private static void awaitGroup(String bootstrap, int members, int partitions) throws Exception {
        long deadline = System.nanoTime() + GROUP_TIMEOUT.toNanos();
        String state = "absent";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
                } catch (ExecutionException notYetKnown) {
                    state = notYetKnown.getCause().toString();
                    Thread.sleep(250);
                    continue;
                }
                long assigned = group.members().stream().map(MemberDescription::assignment)
                        .mapToLong(a -> a.topicPartitions().stream()
                                .filter(tp -> tp.topic().equals(Topics.CALLS_RECORDED)).count()).sum();
                state = group.groupState() + ", " + group.members().size() + " members, " + assigned + " partitions";
                if (group.members().size() == members && assigned == partitions
                        && group.groupState().toString().equalsIgnoreCase("stable")) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("group " + GROUP + " not stable with " + members + " members: " + state);
    }

    private record Analyzed(long start, AnalyzedCounter.Count count) {
    }

    /** Produces {@code calls} calls and counts them analyzed (bounded by the settings' wait). */
    private static Analyzed analyze(String bootstrap, ScalingSettings settings, int calls, String runId)
            throws Exception {
        List<CallRecorded> batch = IntStream.range(0, calls).mapToObj(n -> ShortCalls.call(n, runId)).toList();
        Set<String> expected = batch.stream().map(CallRecorded::callId).collect(Collectors.toSet());
        CompletableFuture<AnalyzedCounter.Count> counted = CompletableFuture.supplyAsync(() ->
                AnalyzedCounter.await(bootstrap, settings.partitions(), expected, settings.maxWait()));
        long start = produce(bootstrap, settings.partitions(), batch);
        return new Analyzed(start, counted.get(settings.maxWait().toSeconds() + 30, TimeUnit.SECONDS));
    }

    /** Produces the calls round-robin over the partitions (an even share per consumer); returns when it began. */
    private static long produce(String bootstrap, int partitions, List<CallRecorded> calls) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
        List<byte[]> values = new ArrayList<>();
        for (CallRecorded call : calls) {
            values.add(EventJson.mapper().writeValueAsBytes(call));
        }
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(Topics.CALLS_RECORDED);
            long start = System.nanoTime();
            for (int n = 0; n < values.size(); n++) {
                producer.send(new ProducerRecord<>(Topics.CALLS_RECORDED, n % partitions, calls.get(n).callId(),
                        values.get(n)));
            }
            producer.flush();
            return start;
        }
    }
}
