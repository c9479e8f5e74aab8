package com.salesai.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design's "Running" contract as every service's start-up test checks it: actuator on the management port only,
 * liveness and readiness also on the service port, no health details for an anonymous caller, the build and its
 * commit on {@code /actuator/info}.
 */
public final class RunningContract {

    private RunningContract() {
    }

    /** Prometheus scrapes the management port; the service port has no {@code /actuator}. */
    public static void assertActuatorOnlyOnTheManagementPort(int port, int managementPort, String service) {
        assertThat(managementPort).as("a management port of its own").isNotEqualTo(port);
        HttpResponse<String> prometheus = ServiceProbe.get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("service=\"" + service + "\"");
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info")) {
            assertThat(ServiceProbe.get(port, path).statusCode()).as(path + " on the service port").isEqualTo(404);
        }
    }

    /** What load balancers and kubelets ask, on the service port, without a token. */
    public static void assertProbesAnswerOnTheServicePort(int port) {
        for (String probe : List.of("/livez", "/readyz")) {
            HttpResponse<String> answer = ServiceProbe.get(port, probe);
            assertThat(answer.statusCode()).as(probe + " " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    /**
     * The version built (the build-info goal), and the commit, where the build ran in a git clone and so wrote a
     * {@code git.properties} with one.
     */
    public static void assertInfoNamesTheBuildAndItsCommit(int managementPort) {
        HttpResponse<String> answer = ServiceProbe.get(managementPort, "/actuator/info");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode info = JsonMapper.builder().build().readTree(answer.body());
        assertThat(info.at("/build/version").asString()).as(answer.body()).isNotBlank();
        String commit = builtFromCommit();
        if (commit != null) {
            String shown = info.at("/git/commit/id").asString();
            assertThat(shown).as(answer.body()).isNotBlank();
            assertThat(commit).as("the commit built, shown abbreviated").startsWith(shown);
        }
    }

    private static String builtFromCommit() {
        try (InputStream git = RunningContract.class.getClassLoader().getResourceAsStream("git.properties")) {
            if (git == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(git);
            return properties.getProperty("git.commit.id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An anonymous caller of the management port sees the status, never the components or their details. */
    public static void assertAnonymousHealthShowsNoDetails(int managementPort) {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            HttpResponse<String> health = ServiceProbe.get(managementPort, path);
            assertThat(health.body()).as(path).contains("\"status\":")
                    .doesNotContain("components").doesNotContain("details");
        }
    }
}
