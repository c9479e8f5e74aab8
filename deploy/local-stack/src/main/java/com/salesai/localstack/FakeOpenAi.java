package com.salesai.localstack;

import com.salesai.schema.events.EventJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dev/test stand-in for OpenAI's chat completions endpoint: answers structured-output requests with a plausible
 * French sales-coach evaluation quoting the call's own transcript (or chunk notes for the map step of long
 * transcripts) after a fixed latency, see {@link FakeCoachAnswers} for its switches, and counts requests so tests
 * can prove no call was analyzed twice. Fault tests switch its {@link Mode} to make it fail the way OpenAI does.
 * Never used by a service jar.
 */
final class FakeOpenAi implements AutoCloseable {
    /** How requests are answered: normally, 429 with {@code retry-after}, 500, or not before the client gave up. */
    enum Mode { HEALTHY, RATE_LIMITED, SERVER_ERROR, HANGING }

    private static final Duration HANG = Duration.ofSeconds(20);

    private final HttpServer server;
    private final Duration latency;
    private final FakeCoachAnswers answers;
    private final AtomicInteger evaluations = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<String> answeredEvaluations = new ConcurrentLinkedQueue<>();
    private volatile Mode mode = Mode.HEALTHY;

    private FakeOpenAi(HttpServer server, Duration latency, FakeCoachAnswers answers) {
        this.server = server;
        this.latency = latency;
        this.answers = answers;
    }

    /** With the switches of this process' environment ({@link FakeCoachAnswers.Switches#fromEnvironment}). */
    static FakeOpenAi start(int port, Duration latency) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        FakeOpenAi fake = new FakeOpenAi(server, latency,
                new FakeCoachAnswers(FakeCoachAnswers.Switches.fromEnvironment()));
        server.createContext("/v1/chat/completions", fake::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return fake;
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    /** Evaluation requests answered (one per analyzed call; chunk-notes requests excluded). */
    int evaluations() {
        return evaluations.get();
    }

    int requests() {
        return requests.get();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The request bodies of evaluations answered 200, so a test can count how often each call was analyzed. */
    List<String> answeredEvaluations() {
        return List.copyOf(answeredEvaluations);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode request = EventJson.mapper().readTree(body.readAllBytes());
            requests.incrementAndGet();
            Mode current = mode;
            if (current != Mode.HEALTHY) {
                fail(exchange, current);
                return;
            }
            sleep(latency);
            JsonNode criteria = request.path("response_format").path("json_schema").path("schema")
                    .path("properties").path("criteria");
            boolean evaluation = !criteria.isMissingNode();
            List<String> keys = new ArrayList<>();
            criteria.path("required").forEach(key -> keys.add(key.asString()));
            String user = request.path("messages").path(1).path("content").asString("");
            String content = evaluation ? answers.evaluationJson(user, keys, request.toString().hashCode())
                    : answers.chunkNotesJson(user);
            if (evaluation) {
                evaluations.incrementAndGet();
                answeredEvaluations.add(request.toString());
            }
            byte[] response = completion(request.path("model").asString("gpt-5-mini"), content)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static void fail(HttpExchange exchange, Mode mode) throws IOException {
        if (mode == Mode.HANGING) {
            sleep(HANG);
        }
        int status = mode == Mode.RATE_LIMITED ? 429 : 500;
        byte[] error = ("{\"error\":{\"message\":\"fake " + mode + "\",\"type\":\"" + (status == 429
                ? "rate_limit_exceeded" : "server_error") + "\"}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 429) {
            exchange.getResponseHeaders().add("retry-after", "1");
        }
        exchange.sendResponseHeaders(status, error.length);
        exchange.getResponseBody().write(error);
    }

    private static String completion(String model, String content) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("id", "chatcmpl-fake-" + System.nanoTime());
        root.put("object", "chat.completion");
        root.put("created", Instant.now().getEpochSecond());
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 1800);
        usage.put("completion_tokens", 450);
        usage.put("total_tokens", 2250);
        return root.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
