package com.salesai.localstack;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml names only modules, Dockerfiles, ports and variables that exist. */
class DockerComposeTest {
    /** Read by the JVM, by Boot itself, or by the platform module's post-processors (LogFormat). */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SERVER_PORT",
            "MANAGEMENT_SERVER_PORT", "LOG_FORMAT");

    private final Map<String, Object> compose = RepositoryFiles.yaml(RepositoryFiles.ROOT.resolve("docker-compose.yml"));

    /** The broker is the release of the kafka-clients the services are built with, as in the containers tests. */
    @Test
    @SuppressWarnings("unchecked")
    void theBrokerIsTheReleaseOfTheKafkaClients() {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBuiltServiceHasItsModuleDockerfilePortAndVariables() {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("kafka", "mongodb", "fathom-emulator", "webhook-ingest-service",
                "integration-service", "analysis-service", "dashboard-api");

        for (var entry : services.entrySet()) {
            Map<String, Object> build = (Map<String, Object>) entry.getValue().get("build");
            if (build == null) {
                assertThat((String) entry.getValue().get("image")).as(entry.getKey()).matches("(apache/kafka|mongo):.+");
                continue;
            }
            Map<String, Object> args = (Map<String, Object>) build.get("args");
            String module = (String) args.get("MODULE");
            int port = ((Number) args.get("PORT")).intValue();
            assertThat(args.get("GIT_COMMIT")).as(entry.getKey() + ": the commit for /actuator/info")
                    .isEqualTo("${GIT_COMMIT:-}");
            assertThat(RepositoryFiles.ROOT.resolve((String) build.get("dockerfile"))).as(entry.getKey()).isRegularFile();
            assertThat(RepositoryFiles.ROOT.resolve(module).resolve("pom.xml")).as(entry.getKey()).isRegularFile();
            assertThat(RepositoryFiles.defaultPort(module)).as(entry.getKey() + " port").isEqualTo(port);
            assertThat((List<String>) entry.getValue().get("ports")).as(entry.getKey())
                    .containsExactly(port + ":" + port);

            Map<String, Object> environment = (Map<String, Object>) entry.getValue().getOrDefault("environment", Map.of());
            for (String variable : environment.keySet()) {
                if (!PLATFORM_VARIABLES.contains(variable)) {
                    assertThat(RepositoryFiles.moduleReads(module, variable))
                            .as(entry.getKey() + " reads " + variable).isTrue();
                }
            }
        }
    }

    /** Every service with a REST API checks tokens, analysis-service's settings API too (issue 21). */
    @Test
    @SuppressWarnings("unchecked")
    void everyServiceWithAnApiAcceptsTheDevTokens() {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String api : List.of("integration-service", "analysis-service", "dashboard-api")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(api).get("environment");
            assertThat(environment).as(api).containsKey("APP_AUTH_DEV_SECRET");
        }
    }

    /** MongoDB takes a user (issue 18); every service connects as it, from the same two variables. */
    @Test
    @SuppressWarnings("unchecked")
    void mongoDbRequiresItsUserAndEveryServiceConnectsAsIt() {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> mongo = (Map<String, Object>) services.get("mongodb").get("environment");
        assertThat((String) mongo.get("MONGO_INITDB_ROOT_USERNAME")).startsWith("${MONGO_ROOT_USERNAME:-");
        assertThat((String) mongo.get("MONGO_INITDB_ROOT_PASSWORD")).startsWith("${MONGO_ROOT_PASSWORD:-");

        for (String service : List.of("webhook-ingest-service", "integration-service", "analysis-service",
                "dashboard-api")) {
            String uri = (String) ((Map<String, Object>) services.get(service).get("environment")).get("MONGODB_URI");
            assertThat(uri).as(service).startsWith("mongodb://" + mongo.get("MONGO_INITDB_ROOT_USERNAME") + ":"
                    + mongo.get("MONGO_INITDB_ROOT_PASSWORD") + "@mongodb:27017/").endsWith("?authSource=admin");
        }
        assertThat(RepositoryFiles.read(RepositoryFiles.ROOT.resolve(".env.example")))
                .contains("MONGO_ROOT_USERNAME=", "MONGO_ROOT_PASSWORD=");
    }

    @Test
    void dockerfileIsMultiStageNonRootWithHealthcheckAndLayers() {
        String dockerfile = RepositoryFiles.read(RepositoryFiles.ROOT.resolve("deploy/docker/Dockerfile"));

        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
        assertThat(dockerfile).contains("USER 10001", "HEALTHCHECK", "extract --layers",
                "COPY --from=build /extracted/dependencies/", "LOG_FORMAT=json");
        assertThat(dockerfile.lines().filter(l -> l.contains("CMD curl")).findFirst().orElseThrow())
                .as("the health check asks readiness on the service port").contains("${SERVER_PORT}/readyz");
        assertThat(Files.exists(RepositoryFiles.ROOT.resolve(".dockerignore"))).isTrue();
    }

    @Test
    void moduleReadsDetectsAnUnknownVariable() {
        assertThat(RepositoryFiles.moduleReads("analysis-service", "NO_SUCH_VARIABLE_ANYWHERE")).isFalse();
        assertThat(RepositoryFiles.moduleReads("dashboard-api", "APP_AUTH_DEV_SECRET")).isTrue();
        assertThat(RepositoryFiles.moduleReads("integration-service", "APP_AUTH_DEV_SECRET")).isTrue();
        assertThat(Path.of("pom.xml")).isRegularFile();
    }
}
