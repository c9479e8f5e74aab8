package com.salesai.testsupport;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents committed under {@code docs/api/}, which frontend teams generate clients from: a service's
 * {@code /v3/api-docs} must be the committed file, normalized (sorted keys, no server URL, pretty-printed), so a
 * change of the API shows in review. With {@code -Dapi.docs.write=true} the file is written instead.
 */
public final class OpenApiChecks {
    /** The system property that writes the documents instead of comparing them. */
    public static final String WRITE_PROPERTY = "api.docs.write";
    public static final String REGENERATE = "./mvnw -B -ntp -pl dashboard-api,integration-service -am verify "
            + "-Dtest=CommittedApiDocsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OpenApiChecks() {
    }

    /** Compares the served document with {@code docs/api/<fileName>}, or writes it there under the property. */
    public static void assertMatchesCommitted(String servedDocument, String fileName) {
        assertMatches(servedDocument, repositoryRoot().resolve("docs/api").resolve(fileName),
                Boolean.getBoolean(WRITE_PROPERTY));
    }

    /**
     * The document a service on {@code port} serves, without a token. springdoc builds it on the first request,
     * which takes seconds on a loaded build machine: the wait is a minute, not an API client's ten seconds.
     */
    public static String fetchServedDocument(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .timeout(Duration.ofMinutes(1)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /v3/api-docs without a token").isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertMatches(String servedDocument, Path file, boolean write) {
        String served = normalize(servedDocument);
        String fileName = file.getFileName().toString();
        try {
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, served, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("docs/api/" + fileName + " is missing; generate it with: " + REGENERATE);
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (!committed.equals(served)) {
                throw new AssertionError("docs/api/" + fileName + " is not the API the service serves ("
                        + firstDifference(committed, served) + "); regenerate it with: " + REGENERATE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every endpoint of the service's own controllers names its operation ({@code @Operation(operationId)}), so
     * generated clients get stable method names instead of springdoc's ones from Java method names.
     */
    public static void assertEveryEndpointNamesItsOperation(RequestMappingHandlerMapping mapping,
                                                             String basePackage) {
        List<String> unnamed = new ArrayList<>();
        List<HandlerMethod> endpoints = mapping.getHandlerMethods().values().stream()
                .filter(method -> method.getBeanType().getPackageName().startsWith(basePackage)).toList();
        for (HandlerMethod method : endpoints) {
            Operation operation = method.getMethodAnnotation(Operation.class);
            if (operation == null || operation.operationId().isBlank()) {
                unnamed.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
            }
        }
        assertThat(endpoints).as("endpoints under " + basePackage).isNotEmpty();
        assertThat(unnamed).as("endpoints without @Operation(operationId = ...)").isEmpty();
    }

    /** Pretty-printed with sorted keys and without {@code servers} (the test's random port), ending in a newline. */
    static String normalize(String document) {
        JsonNode tree = JSON.readTree(document);
        if (tree instanceof ObjectNode object) {
            object.remove("servers");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(tree)).replace("\r\n", "\n") + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    private static String firstDifference(String committed, String served) {
        String[] was = committed.split("\n", -1);
        String[] is = served.split("\n", -1);
        for (int i = 0; i < Math.max(was.length, is.length); i++) {
            String committedLine = i < was.length ? was[i] : "<end of file>";
            String servedLine = i < is.length ? is[i] : "<end of file>";
            if (!committedLine.equals(servedLine)) {
                return "line " + (i + 1) + ": committed `" + committedLine.strip() + "`, served `"
                        + servedLine.strip() + "`";
            }
        }
        return "same lines";
    }

    /** The checkout's root: the nearest folder up from the module's that holds the Maven wrapper. */
    private static Path repositoryRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }
}
