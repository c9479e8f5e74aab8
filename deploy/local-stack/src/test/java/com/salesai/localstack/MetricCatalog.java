package com.salesai.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** deploy/observability/metrics.yaml: the metrics the dashboard and the alerts may use, as Prometheus series. */
final class MetricCatalog {
    static final Path FILE = RepositoryFiles.ROOT.resolve("deploy/observability/metrics.yaml");
    /** Labels Prometheus and the ServiceMonitors add to every series, and the histogram bucket bound. */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "service", "job", "instance", "endpoint",
            "container", "system", "le");

    private MetricCatalog() {
    }

    record Metric(String micrometer, String type, List<String> tags, String source, boolean pending) {
        /** The Prometheus names Micrometer gives it. */
        Set<String> series() {
            String base = micrometer.replace('.', '_');
            return switch (type) {
                case "counter" -> Set.of(base.endsWith("_total") ? base : base + "_total");
                case "timer" -> suffixed(base + "_seconds");
                case "summary" -> suffixed(base);
                case "gauge" -> Set.of(base);
                default -> throw new AssertionError(micrometer + ": unknown type " + type);
            };
        }

        private static Set<String> suffixed(String base) {
            return Stream.of("_count", "_sum", "_max", "_bucket").map(s -> base + s).collect(Collectors.toSet());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Metric> metrics() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) RepositoryFiles.yaml(FILE).get("metrics");
        return entries.stream().map(e -> new Metric((String) e.get("micrometer"), (String) e.get("type"),
                (List<String>) e.get("tags"), (String) e.get("source"), Boolean.TRUE.equals(e.get("pending")))).toList();
    }

    /** Each Prometheus series name → the labels it may be selected by. */
    static Map<String, Set<String>> labelsBySeries() {
        Map<String, Set<String>> labels = new HashMap<>();
        for (Metric metric : metrics()) {
            Set<String> allowed = Stream.concat(metric.tags().stream(), TARGET_LABELS.stream()).collect(Collectors.toSet());
            metric.series().forEach(series -> labels.put(series, allowed));
        }
        return labels;
    }
}
