package com.salesai.bench.ingest;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JVM's CPU split by thread, from {@code jdk.ThreadCPULoad} (each Java thread's load, sampled together every few
 * seconds) against {@code jdk.CPULoad} (the whole JVM's): the part no Java thread accounts for is the GC's and the
 * VM's own threads. Thread names are grouped with their numbers dropped, the JIT compilers as one.
 */
public record ThreadCpu(List<Map.Entry<String, Double>> shares) {

    static final String OUTSIDE_JAVA_THREADS = "GC and VM threads";

    /** A markdown line: each group's share of the JVM's CPU. */
    String markdown() {
        return "CPU by thread (`jdk.ThreadCPULoad` against `jdk.CPULoad`): " + shares.stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f %%", 100 * e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String group(String threadName) {
        String name = threadName.replaceAll("\\d+", "#");
        return name.contains("CompilerThread") ? "JIT compilers" : name;
    }

    /** Adds up the two event types over a recording. */
    static final class Tally {
        private final List<Sample> threadSamples = new ArrayList<>();
        private double jvmLoad;
        private long jvmSamples;

        void add(RecordedEvent event) {
            switch (event.getEventType().getName()) {
                case "jdk.ThreadCPULoad" -> {
                    RecordedThread thread = event.getThread();
                    String name = thread == null ? "unnamed" : String.valueOf(thread.getJavaName());
                    threadSamples.add(new Sample(event.getStartTime().toEpochMilli(), group(name),
                            event.getFloat("user") + (double) event.getFloat("system")));
                }
                case "jdk.CPULoad" -> {
                    jvmLoad += event.getFloat("jvmUser") + (double) event.getFloat("jvmSystem");
                    jvmSamples++;
                }
                default -> { }
            }
        }

        ThreadCpu summary() {
            Map<String, Double> loads = new HashMap<>();
            int batches = 0;
            long last = Long.MIN_VALUE;
            for (Sample sample : threadSamples.stream().sorted(Comparator.comparingLong(Sample::at)).toList()) {
                // one periodic batch samples every thread within a few milliseconds; batches are a period apart
                if (batches == 0 || sample.at() - last > 100) {
                    batches++;
                }
                last = sample.at();
                // the first batch's loads cover an interval that began before the recording (or at thread start)
                if (batches > 1) {
                    loads.merge(sample.group(), sample.load(), Double::sum);
                }
            }
            if (batches < 2 || jvmSamples == 0 || jvmLoad == 0) {
                return new ThreadCpu(List.of());
            }
            int counted = batches - 1;
            loads.replaceAll((group, load) -> load / counted);
            double java = loads.values().stream().mapToDouble(Double::doubleValue).sum();
            // the two samplings are not aligned: a Java-thread sum above the JVM's own figure is noise, not negative GC
            double jvm = Math.max(jvmLoad / jvmSamples, java);
            Map<String, Double> shares = new HashMap<>();
            loads.forEach((group, load) -> shares.put(group, load / jvm));
            if (java < jvm) {
                shares.put(OUTSIDE_JAVA_THREADS, 1 - java / jvm);
            }
            return new ThreadCpu(shares.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        }

        private record Sample(long at, String group, double load) {
        }
    }
}
