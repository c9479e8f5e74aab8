package com.salesai.bench.ingest;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Summarizes {@code jdk.ExecutionSample} events of a JFR recording (what {@code jfr print --events
 * jdk.ExecutionSample} lists): the hottest leaf methods, and CPU samples by library, a JDK frame being charged to
 * the nearest library frame that called it (so HMAC under the verifier counts as ingest code, socket writes under
 * the Kafka client as Kafka); and the bytes the JVM allocated, as the sum of the {@code weight} of its
 * {@code jdk.ObjectAllocationSample} events (each weighs the bytes its thread allocated since the previous sample);
 * and the JVM's CPU by thread ({@link ThreadCpu}), which execution samples miss: JIT compilation and GC.
 */
public record JfrHotFrames(long samples, List<Map.Entry<String, Long>> topMethods, List<Map.Entry<String, Long>> byArea,
                           long allocatedBytes, ThreadCpu threadCpu) {

    private static final Map<String, String> AREAS = areas();

    public static JfrHotFrames read(Path recording, int top) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        ThreadCpu.Tally threads = new ThreadCpu.Tally();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            threads.add(event);
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                allocated += event.getLong("weight");
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame leaf = stack.getFrames().get(0);
            methods.merge(method(leaf), 1L, Long::sum);
            areas.merge(area(stack.getFrames()), 1L, Long::sum);
        }
        return new JfrHotFrames(samples, topOf(methods, top), topOf(areas, 20), allocated, threads.summary());
    }

    /** A markdown paragraph: the top leaf methods and the split by library, in percent of samples. */
    public String markdown(String title) {
        if (samples == 0) {
            return "**" + title + "**: the recording holds no execution samples.";
        }
        StringBuilder md = new StringBuilder("**" + title + "** (" + samples + " execution samples)\n\n");
        md.append("CPU samples by library: ").append(byArea.stream()
                .map(e -> e.getKey() + " " + percent(e.getValue())).collect(Collectors.joining(", "))).append("\n\n");
        if (!threadCpu.shares().isEmpty()) {
            md.append(threadCpu.markdown()).append("\n\n");
        }
        md.append("| hottest leaf frames | share |\n|---|---|\n");
        topMethods.forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(percent(e.getValue()))
                .append(" |\n"));
        return md.toString();
    }

    private String percent(long count) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * count / samples);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> area : AREAS.entrySet()) {
                if (type.startsWith(area.getKey())) {
                    return area.getValue();
                }
            }
        }
        return "JDK (no library caller)";
    }

    private static List<Map.Entry<String, Long>> topOf(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("com.salesai.bench.", "load driver");
        areas.put("com.salesai.", "ingest/common-schema code");
        areas.put("de.bwaldvogel.mongo.backend.h2.", "mongo-java-server H2 backend");
        areas.put("org.h2.", "H2 (mongo-java-server's store)");
        areas.put("de.bwaldvogel.", "mongo-java-server");
        areas.put("kafka.", "Kafka broker");
        areas.put("org.apache.kafka.storage.", "Kafka broker");
        areas.put("org.apache.kafka.server.", "Kafka broker");
        areas.put("org.apache.kafka.raft.", "Kafka broker");
        areas.put("org.apache.kafka.controller.", "Kafka broker");
        areas.put("io.netty.", "Netty (mongo-java-server)");
        areas.put("jdk.internal.net.http.", "JDK HTTP client (load driver)");
        areas.put("org.apache.kafka.", "Kafka client");
        areas.put("net.jpountz.", "lz4");
        areas.put("com.mongodb.", "Mongo driver");
        areas.put("org.bson.", "Mongo driver");
        areas.put("org.springframework.data.", "Spring Data");
        areas.put("tools.jackson.", "Jackson");
        areas.put("org.apache.tomcat.", "Tomcat");
        areas.put("org.apache.coyote.", "Tomcat");
        areas.put("org.apache.catalina.", "Tomcat");
        areas.put("io.micrometer.", "Micrometer");
        areas.put("ch.qos.logback.", "logging");
        areas.put("org.slf4j.", "logging");
        areas.put("org.springframework.", "Spring");
        return areas;
    }
}
