package com.salesai.localstack;

import com.salesai.schema.events.EventJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Small JSON-over-HTTP client for tests that drive the running stack. */
final class StackClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode json, String body) {
    }

    static Reply get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    static Reply post(String url, String token, String json) {
        return send(request(url, token).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    /** A POST with one more header (a test control such as {@code traceparent}). */
    static Reply post(String url, String json, String header, String value) {
        return send(request(url, null).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header(header, value).build());
    }

    static Reply put(String url, String token, String json) {
        return send(request(url, token).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    static Reply delete(String url, String token) {
        return send(request(url, token).DELETE().build());
    }

    /** Polls until the reply (or any polled value) satisfies the condition, or fails with the last one. */
    static <T> T await(java.util.function.Supplier<T> call, Predicate<T> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not met within " + timeout.toSeconds() + " s; last reply: "
                + (last instanceof Reply reply ? reply.status() + " " + reply.body() : last));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                json = EventJson.mapper().readTree(body);
            }
            return new Reply(response.statusCode(), json, body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
