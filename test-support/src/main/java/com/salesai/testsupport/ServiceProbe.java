package com.salesai.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs against a running service, for start-up and readiness checks. */
public final class ServiceProbe {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProbe() {
    }

    public static HttpResponse<String> get(int port, String path) {
        return send(request(port, path).build(), path);
    }

    public static HttpResponse<String> get(int port, String path, String bearerToken) {
        return send(request(port, path).header("Authorization", "Bearer " + bearerToken).build(), path);
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .GET();
    }

    private static HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
