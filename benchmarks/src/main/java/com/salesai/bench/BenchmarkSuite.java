package com.salesai.bench;

import com.salesai.bench.dashboard.DashboardQueryBenchmark;
import com.salesai.bench.endtoend.EndToEndBenchmark;
import com.salesai.bench.hotpaths.HotPathBenchmarks;
import com.salesai.bench.ingest.IngestThroughputBenchmark;
import com.salesai.bench.metrics.ConversationMetricsBenchmark;
import com.salesai.bench.report.MachineInfo;
import com.salesai.bench.report.ResultsWriter;
import com.salesai.bench.report.Section;
import com.salesai.bench.scaling.ScalingBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code benchmarks/run}: runs every benchmark in order and writes RESULTS.md. Arguments:
 * {@code --root <repository>} (default .), {@code --out <file>} (default benchmarks/RESULTS.md, or
 * benchmarks/target/RESULTS-quick.md with --quick), {@code --quick} (tiny settings, to try the harness),
 * {@code --only <title-substring>}. Environment {@code BENCH_NOTE}: a sentence on the run's conditions.
 * A benchmark that fails is reported as such and the others still run; the exit code is then 1.
 */
public final class BenchmarkSuite {

    /** The benchmarks in running order. */
    static List<Benchmark> benchmarks() {
        return List.of(new HotPathBenchmarks(), new ConversationMetricsBenchmark(), new IngestThroughputBenchmark(),
                new DashboardQueryBenchmark(), new EndToEndBenchmark(), new ScalingBenchmark());
    }

    /** What RESULTS.md lists as not measured yet. */
    static List<String> pending() {
        return List.of();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        Path out = null;
        boolean quick = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only = args[++i].toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --root DIR --out FILE --quick --only TITLE");
            }
        }
        root = root.toAbsolutePath().normalize();
        if (out == null) {
            out = root.resolve(quick ? "benchmarks/target/RESULTS-quick.md" : "benchmarks/RESULTS.md");
        }
        RunContext base = new RunContext(root, root.resolve("benchmarks/target/bench-run"), quick);
        System.exit(run(base, out, only) ? 0 : 1);
    }

    static boolean run(RunContext base, Path out, String only) throws Exception {
        MachineInfo machine = MachineInfo.current();
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        List<Section> sections = new ArrayList<>();
        boolean allRan = true;
        for (Benchmark benchmark : benchmarks()) {
            if (only != null && !benchmark.title().toLowerCase(Locale.ROOT).contains(only)) {
                continue;
            }
            Progress.say("running " + benchmark.title());
            long benchmarkStart = System.nanoTime();
            RunContext context = new RunContext(base.repositoryRoot(),
                    base.workDir().resolve(benchmark.getClass().getSimpleName()), base.quick());
            try {
                sections.add(benchmark.run(context));
            } catch (Exception e) {
                e.printStackTrace();
                sections.add(Section.failed(benchmark.title(), e));
                allRan = false;
            }
            Progress.say(benchmark.title() + " took " + (System.nanoTime() - benchmarkStart) / 1_000_000_000 + " s");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String markdown = ResultsWriter.render(machine, started, took, conditions(machine), sections, pending());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown);
        Progress.say("wrote " + out + " in " + took.toSeconds() + " s");
        return allRan;
    }

    private static String conditions(MachineInfo machine) {
        String note = System.getenv("BENCH_NOTE");
        // The 1-minute average still counts the build benchmarks/run does first; far above the cores, it means
        // other work shared the CPU.
        String load = machine.loadAverage() > 2.0 * machine.cores() ? String.format(Locale.ROOT,
                "The load average was %.1f on %d cores when the run started: other processes shared the CPU, so"
                        + " figures are noisy and low.", machine.loadAverage(), machine.cores()) : "";
        return ((note == null ? "" : note.strip()) + " " + load).strip();
    }
}
