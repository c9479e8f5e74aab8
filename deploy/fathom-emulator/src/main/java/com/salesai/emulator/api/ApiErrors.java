package com.salesai.emulator.api;

import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error answers. Fathom documents only the status codes (400, 401, 403, 404, 429) and no body schema; this
 * {@code {"error","message"}} body is the emulator's own, to help whoever reads a failing test, and no client
 * should parse it. 429 is the exception: its body is plain text, like the one integrators have seen.
 */
public final class ApiErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    public static <T> ResponseEntity<T> badRequest(String message) {
        return status(400, "bad_request", message);
    }

    public static <T> ResponseEntity<T> notFound(String message) {
        return status(404, "not_found", message);
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> status(int status, String error, String message) {
        JsonNode body = JSON.createObjectNode().put("error", error).put("message", message);
        return (ResponseEntity<T>) ResponseEntity.status(status).body(body);
    }
}
