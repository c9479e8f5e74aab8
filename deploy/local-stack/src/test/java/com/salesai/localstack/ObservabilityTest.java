package com.salesai.localstack;

import com.salesai.localstack.MetricCatalog.Metric;
import com.salesai.localstack.PromQl.Selector;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the alerts under deploy/observability read only metrics the services expose (the list in
 * metrics.yaml), and every alert has its runbook under docs/runbooks.
 */
class ObservabilityTest {
    private static final Path OBSERVABILITY = RepositoryFiles.ROOT.resolve("deploy/observability");
    private static final Path RUNBOOKS = RepositoryFiles.ROOT.resolve("docs/runbooks");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final Pattern PANEL_REFERENCE = Pattern.compile("Dashboard panel: \"([^\"]+)\"");
    /** What ops look at (issue 20), by the series that show it. */
    private static final Set<String> OPS_VIEW = Set.of(
            "ingest_deliveries_total",
            "ingest_publish_latency_seconds_bucket",
            "dashboard_calls_received_to_evaluated_seconds_bucket",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_producer_topic_record_send_total",
            "analysis_llm_latency_seconds_bucket",
            "analysis_llm_tokens_total",
            "analysis_llm_cost_usd_total",
            "analysis_calls_skipped_total",
            "fathom_sync_recovered_total");
    private static final Set<String> ALERTS = Set.of("WebhookIngestUnavailable", "DeadLetterTopicGrowing",
            "AnalysesFailing", "LlmCostOverBudget", "ConsumerLagHigh", "WebhooksLostSyncRecovering",
            "AnalysisMetricsOnly");

    private final List<Map<String, Object>> rules = rules();
    private final JsonNode dashboard = dashboard();

    @Test
    void everyAlertAndRecordingRuleReadsOnlyListedMetrics() {
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.getOrDefault("alert", rule.get("record"));
            if (rule.containsKey("alert")) {
                assertThat(PromQl.selectors((String) rule.get("expr"))).as(name + " reads series").isNotEmpty();
            }
            assertReadsListedMetrics(name, (String) rule.get("expr"));
        }
    }

    @Test
    void everyPanelAndVariableReadsOnlyListedMetrics() {
        List<String> expressions = panelExpressions();
        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            assertThat(PromQl.selectors(expression)).as("panel " + expression).isNotEmpty();
            assertReadsListedMetrics("panel", expression);
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString() : query.asString();
            Matcher labelValues = LABEL_VALUES.matcher(text);
            if (variable.path("type").asString().equals("query")) {
                assertThat(labelValues.matches()).as("variable query " + text).isTrue();
                assertReadsListedMetrics("variable " + variable.path("name").asString(),
                        labelValues.group(1) + "{" + labelValues.group(2) + "=\"\"}");
            }
        }
    }

    @Test
    void theDashboardShowsWhatOpsLookAt() {
        Set<String> shown = new HashSet<>();
        panelExpressions().forEach(e -> PromQl.selectors(e).forEach(s -> shown.add(s.metric())));
        assertThat(shown).containsAll(OPS_VIEW);
    }

    @Test
    void eachListedMetricIsRegisteredByItsModule() {
        for (Metric metric : MetricCatalog.metrics()) {
            assertThat(metric.series()).as(metric.micrometer()).isNotEmpty();
            switch (metric.source()) {
                case "spring-boot", "kafka-client" -> { } // Boot's and Micrometer's instrumentation, not ours
                default -> {
                    Path sources = RepositoryFiles.ROOT.resolve(metric.source()).resolve("src/main/java");
                    assertThat(sources).as(metric.micrometer() + " source").isDirectory();
                    if (!metric.pending()) {
                        assertThat(javaSources(sources).anyMatch(s -> s.contains("\"" + metric.micrometer() + "\"")))
                                .as(metric.source() + " registers " + metric.micrometer()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyAlertLinksItsRunbookAndEveryRunbookItsAlert() {
        List<Map<String, Object>> alerts = rules.stream().filter(r -> r.containsKey("alert")).toList();
        assertThat(alerts).extracting(a -> a.get("alert")).containsAll(ALERTS);
        Set<Path> linked = new HashSet<>();
        for (Map<String, Object> alert : alerts) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
            assertThat(labels).as(alert.get("alert") + " labels").containsKey("severity");
            assertThat(annotations).as(alert.get("alert") + " annotations").containsKeys("summary", "description");
            Path runbook = RepositoryFiles.ROOT.resolve((String) annotations.get("runbook_url")).normalize();
            assertThat(runbook).as(alert.get("alert") + " runbook").isRegularFile().startsWith(RUNBOOKS);
            assertThat(RepositoryFiles.read(runbook)).as(runbook + " names its alert").contains((String) alert.get("alert"));
            linked.add(runbook);
        }
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            assertThat(files.filter(f -> !f.getFileName().toString().equals("README.md")).toList())
                    .as("runbooks without an alert").allMatch(linked::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runbook sends the reader to panels that exist: {@code Dashboard panel: "<title>"}. */
    @Test
    void runbooksPointAtPanelsOfTheDashboard() throws IOException {
        Set<String> titles = new HashSet<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asString()));
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            for (Path runbook : files.filter(f -> !f.getFileName().toString().equals("README.md")).toList()) {
                List<String> panels = PANEL_REFERENCE.matcher(RepositoryFiles.read(runbook)).results()
                        .map(m -> m.group(1)).toList();
                assertThat(panels).as(runbook.getFileName() + " names a dashboard panel").isNotEmpty();
                assertThat(titles).as(runbook.getFileName().toString()).containsAll(panels);
            }
        }
    }

    private void assertReadsListedMetrics(String where, String expression) {
        Map<String, Set<String>> listed = MetricCatalog.labelsBySeries();
        Set<String> recorded = new HashSet<>();
        rules.stream().filter(r -> r.containsKey("record")).forEach(r -> recorded.add((String) r.get("record")));
        for (Selector selector : PromQl.selectors(expression)) {
            assertThat(selector.metric()).as(where + ": a selector without a metric name in " + expression).isNotNull();
            if (recorded.contains(selector.metric())) {
                continue;
            }
            assertThat(listed).as(where + ": " + selector.metric() + " is not in metrics.yaml").containsKey(selector.metric());
            assertThat(listed.get(selector.metric())).as(where + ": labels of " + selector.metric())
                    .containsAll(selector.labels());
        }
    }

    private List<String> panelExpressions() {
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void collectExpressions(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString()));
            collectExpressions(panel.path("panels"), expressions);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> rule = RepositoryFiles.yaml(OBSERVABILITY.resolve("prometheus-rules.yaml"));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
        return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }

    private static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(RepositoryFiles.read(OBSERVABILITY.resolve("grafana/call-intelligence.json")));
    }

    private static Stream<String> javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(RepositoryFiles::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
