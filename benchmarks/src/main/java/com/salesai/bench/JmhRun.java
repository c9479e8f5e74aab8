package com.salesai.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The one JMH configuration every JMH benchmark uses: throughput in ops/s on one thread, one fork of 3 × 1 s warm-up
 * and 5 × 1 s measurement, or in-process single 100 ms iterations for a quick trial run. Output goes to jmh.log.
 */
public final class JmhRun {
    private JmhRun() {
    }

    public static Collection<RunResult> run(RunContext context, Class<?>... benchmarks) throws Exception {
        Files.createDirectories(context.workDir());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(1)
                .shouldFailOnError(true)
                .output(context.workDir().resolve("jmh.log").toString());
        for (Class<?> benchmark : benchmarks) {
            options.include(benchmark.getName());
        }
        if (context.quick()) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                    .jvmArgs("-Xms1g", "-Xmx1g");
        }
        return new Runner(options.build()).run();
    }
}
