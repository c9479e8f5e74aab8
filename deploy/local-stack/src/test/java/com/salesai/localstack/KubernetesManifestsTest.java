package com.salesai.localstack;

import com.salesai.localstack.Manifests.Build;
import com.salesai.localstack.Manifests.K8sObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests under deploy/k8s, checked as written (the base) and as built ({@code kubectl kustomize} of each
 * overlay, where kubectl is installed): what the design asks of them (Running, Kafka topics, Auth) and what went
 * wrong in them before.
 */
class KubernetesManifestsTest {
    private static final Set<String> KINDS = Set.of("Deployment", "Service", "PodDisruptionBudget", "ConfigMap",
            "ScaledObject", "NetworkPolicy", "ServiceMonitor", "Ingress", "PrometheusRule", "TriggerAuthentication");
    private static final List<String> SERVICES = List.of("webhook-ingest-service", "integration-service",
            "analysis-service", "dashboard-api");
    private static final String SECRET = "call-intelligence-secrets";
    /** The one secret outside {@link #SECRET}: each service's Kafka password, in a Secret of its own. */
    private static final String KAFKA_PASSWORD = "KAFKA_SASL_PASSWORD";
    private static final String KAFKA_USER_SECRET_PREFIX = "kafka-user-";
    /** Services that run platform operations (DLT replay, re-encryption) behind the operator token. */
    private static final Set<String> OPERATED = Set.of("analysis-service", "integration-service");
    /** Variables Boot binds itself (server.*, management.*, spring.*): no module names them. */
    private static final Pattern BOOT_VARIABLE = Pattern.compile("(SERVER|MANAGEMENT|SPRING)_[A-Z0-9_]+");
    /**
     * Variables of the design's contract that a module does not read yet on this branch (being built beside it):
     * integration-service takes the operator token for re-encryption (design: Auth).
     */
    private static final Map<String, Set<String>> CONTRACT_NOT_YET_READ = Map.of(
            "integration-service", Set.of("APP_ADMIN_TOKEN"));
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(KEY|KEYS|TOKEN|SECRET|PASSWORD|MONGODB_URI).*");
    private static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration BOOT_SHUTDOWN_PHASE = Duration.ofSeconds(30);
    /** After the last shutdown phase: closing the Kafka and MongoDB clients, JVM exit. */
    private static final Duration AFTER_PHASES = Duration.ofSeconds(10);

    private static final Map<String, Object> INGRESS_CONTROLLER = Map.of(
            "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")),
            "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "ingress-nginx")));
    private static final Map<String, Object> PROMETHEUS = Map.of(
            "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")),
            "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "prometheus")));
    /** One origin (design: Running; issue 19): path prefix → the service behind it. */
    private static final Map<String, String> ROUTES = Map.of(
            "/api/webhooks", "webhook-ingest-service",
            "/api/integrations", "integration-service",
            "/api/analysis", "analysis-service",
            "/", "dashboard-api");
    private static final Set<String> PLATFORM_EGRESS = Set.of("53/UDP", "53/TCP", "9092/TCP", "27017/TCP",
            "4317/TCP", "4318/TCP");
    /** Who calls out of the cluster over HTTPS: Fathom, OpenAI, and the issuer's JWKS for the resource servers. */
    private static final Map<String, Set<String>> EGRESS = Map.of(
            "webhook-ingest-service", PLATFORM_EGRESS,
            "integration-service", union(PLATFORM_EGRESS, Set.of("443/TCP")),
            "analysis-service", union(PLATFORM_EGRESS, Set.of("443/TCP")),
            "dashboard-api", union(PLATFORM_EGRESS, Set.of("443/TCP")));

    static Stream<Build> builds() {
        return Stream.concat(Stream.of(Manifests.base()), overlays());
    }

    static Stream<Build> overlays() {
        return Manifests.kubectlAvailable() ? Stream.of(Manifests.overlay("dev"), Manifests.overlay("prod")) : Stream.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void everyObjectIsKnownAndReferencesOnlyWhatExists(Build build) {
        assertThat(build.objects()).extracting(K8sObject::kind).allMatch(KINDS::contains);
        assertThat(build.ofKind("Deployment")).extracting(K8sObject::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        Set<String> configMaps = new HashSet<>(build.ofKind("ConfigMap").stream().map(K8sObject::name).toList());
        for (K8sObject deployment : build.ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> container = deployment.container();
            assertThat((String) container.get("image")).matches("salesai/" + name + "(:.+)?");
            assertThat(port(container, "http")).as(name).isEqualTo(RepositoryFiles.defaultPort(name));
            assertThat(container).containsKeys("readinessProbe", "livenessProbe", "startupProbe", "resources");
            for (Object source : (List<?>) container.get("envFrom")) {
                assertThat(configMaps).contains((String) ((Map<?, ?>) ((Map<?, ?>) source).get("configMapRef")).get("name"));
            }
            for (Map<String, Object> env : env(container)) {
                String variable = (String) env.get("name");
                if (!BOOT_VARIABLE.matcher(variable).matches()
                        && !CONTRACT_NOT_YET_READ.getOrDefault(name, Set.of()).contains(variable)) {
                    assertThat(RepositoryFiles.moduleReads(name, variable)).as(name + " reads " + variable).isTrue();
                }
            }
        }
        for (K8sObject object : build.objects()) {
            switch (object.kind()) {
                case "Service", "PodDisruptionBudget" -> assertThat(SERVICES).contains(selectedApp(object));
                case "ScaledObject" -> checkScaledObject(object, build);
                default -> { }
            }
        }
    }

    private static void checkScaledObject(K8sObject scaledObject, Build build) {
        assertThat(SERVICES).contains((String) scaledObject.at("spec", "scaleTargetRef", "name"));
        Map<String, Object> trigger = scaledObject.list("spec", "triggers").get(0);
        assertThat(trigger.get("type")).isEqualTo("kafka");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        assertThat(metadata).containsEntry("consumerGroup", "analysis").containsEntry("topic", "calls.recorded");
        assertThat(metadata.containsKey("bootstrapServers")
                ? metadata.get("bootstrapServers").equals(build.settings().get("KAFKA_BOOTSTRAP_SERVERS"))
                : "KAFKA_BOOTSTRAP_SERVERS".equals(metadata.get("bootstrapServersFromEnv")))
                .as("the scaler reads the services' brokers").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void aKedaScaledDeploymentLeavesItsReplicaCountToKeda(Build build) {
        for (K8sObject scaledObject : build.ofKind("ScaledObject")) {
            K8sObject target = build.get("Deployment", (String) scaledObject.at("spec", "scaleTargetRef", "name"));
            assertThat(target.map("spec")).as(target.name() + " spec.replicas (each apply would reset KEDA's count)")
                    .doesNotContainKey("replicas");
        }
    }

    /** More analysis consumers than partitions would sit idle: KEDA stops at partitions ÷ consumers per pod. */
    @Test
    void kedaScalesToOneConsumerPerPartition() {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        overlays().forEach(build -> {
            K8sObject scaledObject = build.get("ScaledObject", "analysis-service");
            assertThat(build.settings()).as(build.name()).containsKey("CALLS_TOPIC_PARTITIONS");
            int partitions = Integer.parseInt((String) build.settings().get("CALLS_TOPIC_PARTITIONS"));
            int consumersPerPod = consumersPerPod(build);

            assertThat(partitions % consumersPerPod).as("partitions divide evenly among the pods' consumers").isZero();
            assertThat(((Number) scaledObject.at("spec", "maxReplicaCount")).intValue())
                    .as("%s: maxReplicaCount = %d partitions / %d consumers per pod", build.name(), partitions,
                            consumersPerPod)
                    .isEqualTo(partitions / consumersPerPod);
        });
    }

    @Test
    void thePartitionCountIsWrittenOnceInTheSettings() throws IOException {
        Object partitions = Manifests.base().settings().get("CALLS_TOPIC_PARTITIONS");
        assertThat(partitions).as("base settings: CALLS_TOPIC_PARTITIONS").isNotNull();
        List<String> repeats = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Manifests.K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object document : new Yaml().loadAll(RepositoryFiles.read(file))) {
                    collectScalars(document, "", partitions.toString(), Manifests.K8S.relativize(file) + ":", repeats);
                }
            }
        }
        assertThat(repeats).containsExactly("base/configmap.yaml:/data/CALLS_TOPIC_PARTITIONS");
    }

    /** Changing the one setting in an overlay moves the scaler's ceiling with it. */
    @Test
    @SuppressWarnings("unchecked")
    void theScalerCeilingFollowsThePartitionSetting(@TempDir Path copy) throws IOException {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        for (String dir : List.of("deploy/k8s", "deploy/observability")) {
            if (Files.isDirectory(RepositoryFiles.ROOT.resolve(dir))) {
                copyTree(RepositoryFiles.ROOT.resolve(dir), copy.resolve(dir));
            }
        }
        Path prod = copy.resolve("deploy/k8s/overlays/prod/kustomization.yaml");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(prod));
        int doubled = 2 * Integer.parseInt(String.valueOf(Manifests.base().settings().getOrDefault("CALLS_TOPIC_PARTITIONS", 0)));
        List<Map<String, Object>> generators = new ArrayList<>((List<Map<String, Object>>) kustomization
                .getOrDefault("configMapGenerator", List.of()));
        Map<String, Object> settings = generators.stream().filter(g -> "call-intelligence-config".equals(g.get("name")))
                .findFirst().orElseGet(() -> {
                    Map<String, Object> merge = new HashMap<>(Map.of("name", "call-intelligence-config", "behavior", "merge"));
                    generators.add(merge);
                    return merge;
                });
        List<String> literals = new ArrayList<>((List<String>) settings.getOrDefault("literals", List.of()));
        literals.removeIf(l -> l.startsWith("CALLS_TOPIC_PARTITIONS="));
        literals.add("CALLS_TOPIC_PARTITIONS=" + doubled);
        settings.put("literals", literals);
        kustomization.put("configMapGenerator", generators);
        Files.writeString(prod, new Yaml().dump(kustomization));

        Build build = Manifests.build(prod.getParent(), "prod with CALLS_TOPIC_PARTITIONS=" + doubled);
        assertThat(build.get("ScaledObject", "analysis-service").at("spec", "maxReplicaCount"))
                .isEqualTo(doubled / consumersPerPod(build));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void disruptionBudgetsLetOnePodGoAtATime(Build build) {
        for (K8sObject deployment : build.ofKind("Deployment")) {
            List<K8sObject> budgets = build.ofKind("PodDisruptionBudget").stream()
                    .filter(b -> deployment.name().equals(selectedApp(b))).toList();
            assertThat(budgets).as(deployment.name()).hasSize(1);
            // minAvailable: 1 with one replica (dev, or KEDA at its floor) blocks every node drain.
            assertThat(budgets.get(0).map("spec")).as(deployment.name())
                    .containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
        }
    }

    /**
     * The pod leaves the Service's endpoints during preStop, then Boot shuts down phase by phase; the grace covers
     * both. analysis-service waits for the call in flight: at least one OpenAI request with its retries.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void podsDrainBeforeTheyStop(Build build) {
        for (K8sObject deployment : build.ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> container = deployment.container();
            Duration preStop = preStopPause(container);
            Duration phase = envValue(container, "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").map(KubernetesManifestsTest::duration)
                    .orElse(BOOT_SHUTDOWN_PHASE);
            Object grace = deployment.podSpec().get("terminationGracePeriodSeconds");

            assertThat(preStop).as(name + " preStop pause").isPositive();
            assertThat(grace).as(name + " terminationGracePeriodSeconds").isNotNull();
            assertThat(Duration.ofSeconds(((Number) grace).longValue())).as(name + " grace")
                    .isGreaterThanOrEqualTo(preStop.plus(phase).plus(AFTER_PHASES));
            if (name.equals("analysis-service")) {
                Duration request = duration(envValue(container, "OPENAI_TIMEOUT")
                        .orElse(RepositoryFiles.defaultOf(name, "OPENAI_TIMEOUT")));
                int retries = Integer.parseInt(envValue(container, "OPENAI_MAX_RETRIES")
                        .orElse(RepositoryFiles.defaultOf(name, "OPENAI_MAX_RETRIES")));
                assertThat(phase).as("analysis-service waits for one OpenAI request with its retries")
                        .isGreaterThanOrEqualTo(request.multipliedBy(retries + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void probesAskLivezAndReadyzOnTheServicePort(Build build) {
        for (K8sObject deployment : build.ofKind("Deployment")) {
            Map<String, Object> container = deployment.container();
            assertThat(probe(container, "startupProbe")).as(deployment.name()).isEqualTo("/livez on http");
            assertThat(probe(container, "livenessProbe")).as(deployment.name()).isEqualTo("/livez on http");
            assertThat(probe(container, "readinessProbe")).as(deployment.name()).isEqualTo("/readyz on http");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void theManagementPortIsTheServicePortPlus1000(Build build) {
        for (K8sObject deployment : build.ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> container = deployment.container();
            int management = RepositoryFiles.defaultPort(name) + MANAGEMENT_PORT_OFFSET;

            assertThat(port(container, "management")).as(name).isEqualTo(management);
            assertThat(envValue(container, "MANAGEMENT_SERVER_PORT")).as(name).contains(Integer.toString(management));
            assertThat(service(build, name).list("spec", "ports")).as(name + " Service")
                    .anySatisfy(p -> assertThat(p).containsEntry("name", "management")
                            .containsEntry("targetPort", "management"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void prometheusScrapesEachServiceOnItsManagementPort(Build build) {
        for (K8sObject deployment : build.ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> serviceLabels = service(build, name).map("metadata", "labels");
            List<K8sObject> monitors = build.ofKind("ServiceMonitor").stream()
                    .filter(m -> serviceLabels.entrySet().containsAll(m.map("spec", "selector", "matchLabels").entrySet()))
                    .toList();

            assertThat(monitors).as(name + " ServiceMonitor").hasSize(1);
            assertThat(monitors.get(0).list("spec", "endpoints")).as(name)
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e).containsEntry("port", "management")
                            .containsEntry("path", "/actuator/prometheus"));
            assertThat(deployment.map("spec", "template", "metadata", "annotations").keySet()).as(name)
                    .noneMatch(a -> a.startsWith("prometheus.io/"));
        }
    }

    /** Only the policies of this system's pods: the dev overlay's emulator admits integration-service itself. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void networkPoliciesAdmitOnlyTheIngressControllerAndPrometheus(Build build) {
        List<K8sObject> policies = build.ofKind("NetworkPolicy");
        assertThat(policies).as("a default deny for the namespace").anySatisfy(p -> {
            assertThat(p.map("spec", "podSelector")).isEmpty();
            assertThat(p.values("spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.map("spec")).doesNotContainKeys("ingress", "egress");
        });
        for (K8sObject policy : policies) {
            if (build.ofKind("Deployment").stream().noneMatch(d -> appliesTo(policy, d))) {
                continue;
            }
            for (Map<String, Object> rule : policy.list("spec", "ingress")) {
                List<Object> from = new K8sObject(rule).values("from");
                List<Map<String, Object>> ports = ports(rule);
                assertThat(ports).as(policy.name() + ": an ingress rule names its ports").isNotEmpty();
                for (Map<String, Object> port : ports) {
                    switch (String.valueOf(port.get("port"))) {
                        case "http" -> assertThat(from).as(policy.name() + " http").containsExactly(INGRESS_CONTROLLER);
                        case "management" -> assertThat(from).as(policy.name() + " management").containsExactly(PROMETHEUS);
                        default -> throw new AssertionError(policy.name() + " admits port " + port.get("port"));
                    }
                }
            }
        }
        for (K8sObject deployment : build.ofKind("Deployment")) {
            Set<String> admitted = new TreeSet<>();
            for (K8sObject policy : applying(policies, deployment)) {
                policy.list("spec", "ingress").forEach(rule -> ports(rule).forEach(p -> admitted.add((String) p.get("port"))));
            }
            assertThat(admitted).as(deployment.name() + " is reached on").containsExactly("http", "management");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void eachServiceReachesOnlyWhatItNeeds(Build build) {
        List<K8sObject> policies = build.ofKind("NetworkPolicy");
        for (K8sObject deployment : build.ofKind("Deployment")) {
            Set<String> reached = new TreeSet<>();
            for (K8sObject policy : applying(policies, deployment)) {
                for (Map<String, Object> rule : policy.list("spec", "egress")) {
                    assertThat(ports(rule)).as(policy.name() + ": an egress rule names its ports").isNotEmpty();
                    if (!toPodsOfTheNamespace(rule)) {
                        ports(rule).forEach(p -> reached.add(p.get("port") + "/" + p.getOrDefault("protocol", "TCP")));
                    }
                }
            }
            assertThat(reached).as(deployment.name() + " egress").containsExactlyInAnyOrderElementsOf(
                    EGRESS.get(deployment.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void oneOriginServesThePagesAndBothApis(Build build) {
        String host = URI.create((String) build.settings().get("PUBLIC_BASE_URL")).getHost();
        Map<String, String> routes = new TreeMap<>();
        for (K8sObject ingress : build.ofKind("Ingress")) {
            assertThat(ingress.map("spec")).as(ingress.name()).containsKey("ingressClassName");
            assertThat(ingress.list("spec", "tls")).as(ingress.name() + " TLS")
                    .anySatisfy(tls -> assertThat(new K8sObject(tls).values("hosts")).contains(host));
            for (Map<String, Object> rule : ingress.list("spec", "rules")) {
                assertThat(rule.get("host")).as(ingress.name() + " host = PUBLIC_BASE_URL's").isEqualTo(host);
                K8sObject rules = new K8sObject(rule);
                for (Map<String, Object> path : rules.list("http", "paths")) {
                    K8sObject route = new K8sObject(path);
                    assertThat(route.at("pathType")).isEqualTo("Prefix");
                    assertThat(route.at("backend", "service", "port", "name")).isEqualTo("http");
                    String backend = (String) route.at("backend", "service", "name");
                    assertThat(service(build, backend).list("spec", "ports")).anySatisfy(p -> assertThat(p)
                            .containsEntry("name", "http"));
                    assertThat(routes.put((String) path.get("path"), backend)).as("routed twice: " + path).isNull();
                }
            }
        }
        assertThat(routes).isEqualTo(new TreeMap<>(ROUTES));
    }

    /** The controller must let a body of INGEST_MAX_BODY_BYTES through (the ingest answers 413 beyond it itself). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void theWebhookRouteTakesTheLargestRecording(Build build) {
        long maxBody = Long.parseLong((String) build.settings().get("INGEST_MAX_BODY_BYTES"));
        K8sObject webhooks = build.ofKind("Ingress").stream()
                .filter(i -> i.list("spec", "rules").stream().anyMatch(r -> new K8sObject(r).list("http", "paths")
                        .stream().anyMatch(p -> "/api/webhooks".equals(p.get("path")))))
                .findFirst().orElseThrow(() -> new AssertionError("no Ingress routes /api/webhooks"));
        String bodySize = (String) webhooks.map("metadata", "annotations").get("nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(bodySize).as("proxy-body-size").isNotNull();
        assertThat(bytes(bodySize)).isGreaterThan(maxBody);
    }

    @Test
    void prodReplicatesTopicsThreeTimesAndAcksTwo() {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        Map<String, Object> settings = Manifests.overlay("prod").settings();
        assertThat(settings).containsEntry("KAFKA_TOPIC_REPLICATION", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void secretsComeOnlyFromTheSecret(Build build) {
        assertThat(build.ofKind("Secret")).isEmpty();
        assertThat(build.settings().keySet()).as("settings").noneMatch(k -> SECRET_LIKE.matcher(k).matches());
        for (K8sObject deployment : build.ofKind("Deployment")) {
            Map<String, Object> container = deployment.container();
            for (Map<String, Object> env : env(container)) {
                K8sObject variable = new K8sObject(env);
                Object secret = variable.at("valueFrom", "secretKeyRef", "name");
                if (KAFKA_PASSWORD.equals(env.get("name"))) {
                    assertThat(secret).as(deployment.name() + " has a Kafka principal of its own")
                            .isEqualTo(KAFKA_USER_SECRET_PREFIX + deployment.name());
                } else if (SECRET_LIKE.matcher((String) env.get("name")).matches()) {
                    assertThat(secret).as(deployment.name() + " " + env.get("name")).isEqualTo(SECRET);
                } else if (secret != null) {
                    assertThat(secret).isEqualTo(SECRET);
                }
            }
            if (OPERATED.contains(deployment.name())) {
                assertThat(env(container)).as(deployment.name() + " operator token").anySatisfy(e -> assertThat(
                        new K8sObject(e).at("valueFrom", "secretKeyRef", "key")).isEqualTo("APP_ADMIN_TOKEN"));
            }
        }
    }

    /** Prod's Kafka (issue 18): SASL_SSL, SCRAM-SHA-512, a principal and a Secret per service, the brokers' CA. */
    @Test
    void prodKafkaClientsAuthenticateWithSaslScramOverTlsAsOnePrincipalPerService() {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        Build prod = Manifests.overlay("prod");
        Map<String, Object> settings = prod.settings();
        assertThat(settings).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        String trustStore = (String) settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
        for (K8sObject deployment : prod.ofKind("Deployment")) {
            Map<String, Object> container = deployment.container();
            assertThat(envValue(container, "KAFKA_SASL_USERNAME")).as(deployment.name()).hasValue(deployment.name());
            assertThat(env(container)).filteredOn(e -> KAFKA_PASSWORD.equals(e.get("name"))).singleElement()
                    .satisfies(e -> assertThat(new K8sObject(e).map("valueFrom", "secretKeyRef"))
                            .containsExactlyInAnyOrderEntriesOf(Map.of(
                                    "name", KAFKA_USER_SECRET_PREFIX + deployment.name(), "key", "password")));
            String volume = new K8sObject(container).list("volumeMounts").stream()
                    .filter(m -> trustStore.startsWith(m.get("mountPath") + "/")).map(m -> (String) m.get("name"))
                    .findFirst().orElseThrow(() -> new AssertionError(deployment.name() + " mounts no " + trustStore));
            assertThat(deployment.list("spec", "template", "spec", "volumes"))
                    .filteredOn(v -> volume.equals(v.get("name"))).singleElement().satisfies(v -> assertThat(new K8sObject(v).at("secret", "secretName"))
                            .isEqualTo("kafka-cluster-ca-cert"));
        }
        K8sObject scaler = prod.get("ScaledObject", "analysis-service");
        assertThat(scaler.map("spec", "triggers", 0, "metadata")).containsEntry("sasl", "scram_sha512")
                .containsEntry("tls", "enable");
        K8sObject auth = prod.get("TriggerAuthentication",
                (String) scaler.at("spec", "triggers", 0, "authenticationRef", "name"));
        assertThat(auth.list("spec", "secretTargetRef")).extracting(r -> r.get("parameter"))
                .containsExactlyInAnyOrder("username", "password", "ca");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void outsideProdKafkaStaysPlaintextAndNeedsNoCredentials(Build build) {
        assumeTrue(!build.name().equals("overlays/prod"), "prod is the SASL_SSL overlay");
        assertThat(build.settings()).doesNotContainKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM");
        for (K8sObject deployment : build.ofKind("Deployment")) {
            assertThat(env(deployment.container())).extracting(e -> e.get("name"))
                    .doesNotContain("KAFKA_SASL_USERNAME", KAFKA_PASSWORD);
        }
    }

    @Test
    void noKustomizationGeneratesOrInlinesASecret() {
        for (Path dir : List.of(Manifests.BASE, Manifests.K8S.resolve("overlays/dev"), Manifests.K8S.resolve("overlays/prod"))) {
            assertThat(RepositoryFiles.read(dir.resolve("kustomization.yaml"))).doesNotContain("kind: Secret")
                    .doesNotContain("secretGenerator");
        }
    }

    /** Production accepts only the issuer's tokens (issue 19): no HS256 dev secret reaches it. */
    @Test
    void prodTakesNoDevTokens() {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        Build prod = Manifests.overlay("prod");
        assertThat(prod.settings()).doesNotContainKey("APP_AUTH_DEV_SECRET");
        assertThat((String) prod.settings().get("APP_AUTH_ISSUER_URI")).isNotBlank();
        assertThat((String) prod.settings().get("APP_AUTH_AUDIENCE")).isEqualTo("call-intelligence");
        for (K8sObject deployment : prod.ofKind("Deployment")) {
            assertThat(env(deployment.container())).extracting(e -> e.get("name")).doesNotContain("APP_AUTH_DEV_SECRET");
        }
        // nor by any other way in: an envFrom of a Secret holding it, a mounted key, a patch the test above misses
        assertThat(prod.objects()).allSatisfy(o -> assertThat(o.raw().toString()).doesNotContain("DEV_SECRET"));
        assertThat(Manifests.overlay("dev").objects()).as("the check can see it where it is set")
                .anySatisfy(o -> assertThat(o.raw().toString()).contains("APP_AUTH_DEV_SECRET"));
    }

    @Test
    void prodShipsTheAlertsAndTheDashboard() {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not installed here");
        Build prod = Manifests.overlay("prod");
        assertThat(prod.ofKind("PrometheusRule")).hasSize(1);
        assertThat(prod.ofKind("ConfigMap")).anySatisfy(c -> assertThat(c.map("metadata", "labels"))
                .containsEntry("grafana_dashboard", "1"));
    }

    // --- reading the objects

    private static int consumersPerPod(Build build) {
        Map<String, Object> container = build.get("Deployment", "analysis-service").container();
        return Integer.parseInt(envValue(container, "ANALYSIS_CONCURRENCY")
                .or(() -> Optional.ofNullable((String) build.settings().get("ANALYSIS_CONCURRENCY")))
                .orElse(RepositoryFiles.defaultOf("analysis-service", "ANALYSIS_CONCURRENCY")));
    }

    private static String selectedApp(K8sObject object) {
        Map<String, Object> selector = object.map("spec", "selector");
        Object labels = selector.containsKey("matchLabels") ? selector.get("matchLabels") : selector;
        return (String) ((Map<?, ?>) labels).get("app.kubernetes.io/name");
    }

    private static K8sObject service(Build build, String app) {
        return build.ofKind("Service").stream().filter(s -> app.equals(selectedApp(s))).findFirst()
                .orElseThrow(() -> new AssertionError("no Service selects " + app));
    }

    private static List<K8sObject> applying(List<K8sObject> policies, K8sObject deployment) {
        return policies.stream().filter(p -> appliesTo(p, deployment)).toList();
    }

    private static boolean appliesTo(K8sObject policy, K8sObject deployment) {
        return selects(new K8sObject(policy.map("spec", "podSelector")),
                deployment.map("spec", "template", "metadata", "labels"));
    }

    /** Egress to chosen pods of the namespace (the dev emulator): they admit it themselves, behind the default deny. */
    private static boolean toPodsOfTheNamespace(Map<String, Object> rule) {
        List<Object> to = new K8sObject(rule).values("to");
        return !to.isEmpty() && to.stream().allMatch(peer -> ((Map<?, ?>) peer).keySet().equals(Set.of("podSelector")));
    }

    /** A label selector: matchLabels and matchExpressions, all of them. */
    private static boolean selects(K8sObject selector, Map<String, Object> labels) {
        if (!labels.entrySet().containsAll(selector.map("matchLabels").entrySet())) {
            return false;
        }
        for (Map<String, Object> expression : selector.list("matchExpressions")) {
            Object value = labels.get(expression.get("key"));
            List<Object> values = new K8sObject(expression).values("values");
            boolean matches = switch ((String) expression.get("operator")) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ports(Map<String, Object> rule) {
        return (List<Map<String, Object>>) rule.getOrDefault("ports", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> env(Map<String, Object> container) {
        return (List<Map<String, Object>>) container.getOrDefault("env", List.of());
    }

    private static Optional<String> envValue(Map<String, Object> container, String variable) {
        return env(container).stream().filter(e -> variable.equals(e.get("name"))).findFirst()
                .map(e -> (String) e.get("value"));
    }

    @SuppressWarnings("unchecked")
    private static Integer port(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.getOrDefault("ports", List.of())).stream()
                .filter(p -> name.equals(p.get("name"))).findFirst()
                .map(p -> ((Number) p.get("containerPort")).intValue()).orElse(null);
    }

    private static String probe(Map<String, Object> container, String probe) {
        K8sObject check = new K8sObject(Map.of("probe", container.getOrDefault(probe, Map.of())));
        return check.at("probe", "httpGet", "path") + " on " + check.at("probe", "httpGet", "port");
    }

    /** {@code exec: sleep N} or the {@code sleep} action; zero without a preStop. */
    private static Duration preStopPause(Map<String, Object> container) {
        K8sObject lifecycle = new K8sObject(Map.of("l", container.getOrDefault("lifecycle", Map.of())));
        Object seconds = lifecycle.at("l", "preStop", "sleep", "seconds");
        if (seconds instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        List<?> command = (List<?>) lifecycle.at("l", "preStop", "exec", "command");
        if (command != null && command.size() == 2 && "sleep".equals(command.get(0))) {
            return Duration.ofSeconds(Long.parseLong((String) command.get(1)));
        }
        return Duration.ZERO;
    }

    private static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value);
        if (!matcher.matches()) {
            return Duration.parse(value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** nginx sizes: {@code 16m}, {@code 512k}, or bytes. */
    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size);
        assertThat(matcher.matches()).as(size).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }

    private static void collectScalars(Object node, String path, String value, String file, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectScalars(v, path + "/" + k, value, file, found));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectScalars(list.get(i), path + "/" + i, value, file, found);
            }
        } else if (node != null && node.toString().equals(value)) {
            found.add(file + path);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
