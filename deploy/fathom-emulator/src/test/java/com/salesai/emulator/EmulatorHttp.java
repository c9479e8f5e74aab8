package com.salesai.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The tests' HTTP client for one running emulator. */
final class EmulatorHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;

    EmulatorHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), key);
    }

    HttpResponse<String> post(String path, String key, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    HttpResponse<String> delete(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), key);
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Every meeting of every page of {@code GET /meetings?<query>}. */
    List<JsonNode> allMeetings(String key, String query) {
        List<JsonNode> meetings = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = get("/external/v1/meetings?" + query
                    + (cursor == null ? "" : "&cursor=" + cursor), key);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /meetings: " + response.statusCode() + " " + response.body());
            }
            JsonNode page = json(response);
            page.path("items").forEach(meetings::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null);
        return meetings;
    }

    /** Creates a webhook and returns Fathom's answer (id, secret, ...). */
    JsonNode createWebhook(String key, String destinationUrl, String... triggeredFor) {
        String triggers = String.join("\",\"", triggeredFor);
        HttpResponse<String> created = post("/external/v1/webhooks", key, """
                {"destination_url": "%s", "include_transcript": true, "include_action_items": true,
                 "include_summary": true, "include_crm_matches": false, "triggered_for": ["%s"]}"""
                .formatted(destinationUrl, triggers));
        if (created.statusCode() != 201) {
            throw new AssertionError("POST /webhooks: " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
