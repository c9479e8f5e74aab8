package com.salesai.localstack;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every manifest under deploy/k8s parses, has a known kind, and references only what exists. */
class KubernetesManifestsTest {
    private static final Path K8S = RepositoryFiles.ROOT.resolve("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Set<String> KINDS = Set.of("Deployment", "Service", "PodDisruptionBudget", "ConfigMap",
            "ScaledObject");
    private static final String SECRET = "call-intelligence-secrets";

    @Test
    @SuppressWarnings("unchecked")
    void baseManifestsAreConsistent() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : (List<String>) RepositoryFiles.yaml(BASE.resolve("kustomization.yaml")).get("resources")) {
            assertThat(BASE.resolve(resource)).isRegularFile();
            documents.addAll(RepositoryFiles.yamlDocuments(BASE.resolve(resource)));
        }
        Set<String> deployments = new HashSet<>();
        Set<String> configMaps = new HashSet<>();
        for (Map<String, Object> document : documents) {
            assertThat(KINDS).contains((String) document.get("kind"));
            String name = (String) ((Map<String, Object>) document.get("metadata")).get("name");
            switch ((String) document.get("kind")) {
                case "Deployment" -> deployments.add(name);
                case "ConfigMap" -> configMaps.add(name);
                default -> { }
            }
        }
        assertThat(deployments).containsExactlyInAnyOrder("webhook-ingest-service", "integration-service",
                "analysis-service", "dashboard-api");

        for (Map<String, Object> document : documents) {
            switch ((String) document.get("kind")) {
                case "Deployment" -> checkDeployment(document, configMaps);
                case "Service", "PodDisruptionBudget" -> assertThat(deployments).contains(selectedApp(document));
                case "ScaledObject" -> checkScaledObject(document, deployments);
                default -> { }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkDeployment(Map<String, Object> deployment, Set<String> configMaps) {
        String name = (String) ((Map<String, Object>) deployment.get("metadata")).get("name");
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                deployment.get("spec")).get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertThat((String) container.get("image")).isEqualTo("salesai/" + name);
        int port = ((Number) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort")).intValue();
        assertThat(port).as(name).isEqualTo(RepositoryFiles.defaultPort(name));
        assertThat(container).containsKeys("readinessProbe", "livenessProbe", "resources");
        for (Map<String, Object> source : (List<Map<String, Object>>) container.get("envFrom")) {
            assertThat(configMaps).contains((String) ((Map<String, Object>) source.get("configMapRef")).get("name"));
        }
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
            String variable = (String) env.get("name");
            if (!variable.equals("SERVER_PORT")) {
                assertThat(RepositoryFiles.moduleReads(name, variable)).as(name + " reads " + variable).isTrue();
            }
            Map<String, Object> valueFrom = (Map<String, Object>) env.get("valueFrom");
            if (valueFrom != null && valueFrom.containsKey("secretKeyRef")) {
                assertThat(((Map<String, Object>) valueFrom.get("secretKeyRef")).get("name")).isEqualTo(SECRET);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkScaledObject(Map<String, Object> scaledObject, Set<String> deployments) {
        Map<String, Object> spec = (Map<String, Object>) scaledObject.get("spec");
        assertThat(deployments).contains((String) ((Map<String, Object>) spec.get("scaleTargetRef")).get("name"));
        Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat(metadata).containsEntry("consumerGroup", "analysis").containsEntry("topic", "calls.recorded");
        assertThat(spec.get("maxReplicaCount")).isEqualTo(StackConfig.DEFAULT_CALL_PARTITIONS);
    }

    @SuppressWarnings("unchecked")
    private static String selectedApp(Map<String, Object> document) {
        Map<String, Object> selector = (Map<String, Object>) ((Map<String, Object>) document.get("spec")).get("selector");
        Map<String, Object> labels = selector.containsKey("matchLabels")
                ? (Map<String, Object>) selector.get("matchLabels") : selector;
        return (String) labels.get("app.kubernetes.io/name");
    }

    @Test
    void noSecretIsInlined() {
        for (Path overlay : List.of(BASE, K8S.resolve("overlays/dev"), K8S.resolve("overlays/prod"))) {
            assertThat(RepositoryFiles.read(overlay.resolve("kustomization.yaml"))).doesNotContain("kind: Secret")
                    .doesNotContain("secretGenerator");
        }
    }

    @Test
    void overlaysBuildWithKubectlKustomizeWhereAvailable() throws Exception {
        File kubectl = new File("/usr/bin/kubectl");
        assumeTrue(kubectl.canExecute(), "kubectl is not installed here");
        for (String overlay : List.of("dev", "prod")) {
            Process process = new ProcessBuilder(kubectl.getPath(), "kustomize", K8S.resolve("overlays/" + overlay)
                    .toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("kind: ScaledObject", "namespace: call-intelligence");
        }
    }
}
