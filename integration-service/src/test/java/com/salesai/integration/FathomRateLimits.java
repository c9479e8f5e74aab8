package com.salesai.integration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;

/**
 * Fathom's heavy-request limit as documented, for the stubs that name this transformer: a fixed window per
 * server, {@code RateLimit-*} headers on every answer, 429 with {@code Retry-After} and a plain-text body past the
 * limit, and the limit lowered (30 to 5) after a given number of heavy requests, as Fathom does in busy times.
 */
public final class FathomRateLimits implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "fathom-heavy-limit";

    private Duration window = Duration.ofSeconds(60);
    private int limit = 30;
    private int lowerAfter = Integer.MAX_VALUE;
    private int loweredLimit = 5;
    private long windowStart;
    private int used;
    private int served;
    private int rateLimited;

    /** Starts over: a fresh window of {@code limit}, lowered to {@code loweredLimit} once {@code lowerAfter} were served. */
    public synchronized void reset(Duration window, int limit, int lowerAfter, int loweredLimit) {
        this.window = window;
        this.limit = limit;
        this.lowerAfter = lowerAfter;
        this.loweredLimit = loweredLimit;
        this.windowStart = System.nanoTime();
        this.used = 0;
        this.served = 0;
        this.rateLimited = 0;
    }

    public synchronized int rateLimited() {
        return rateLimited;
    }

    public synchronized int served() {
        return served;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!isHeavy(request)) {
            return event.getResponseDefinition();
        }
        long now = System.nanoTime();
        if (now - windowStart >= window.toNanos()) {
            windowStart = now;
            used = 0;
        }
        long resetSeconds = Math.max(1, (windowStart + window.toNanos() - now + 999_999_999L) / 1_000_000_000L);
        used++;
        if (used > limit) {
            rateLimited++;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                    .withHeader("Content-Type", "text/plain")
                    .withHeader("Retry-After", Long.toString(resetSeconds))
                    .withHeader("RateLimit-Limit", Integer.toString(limit))
                    .withHeader("RateLimit-Remaining", "0")
                    .withHeader("RateLimit-Reset", Long.toString(resetSeconds))
                    .withBody("Currently, you are able to make a maximum of " + limit + " heavy calls per 60 seconds.")
                    .build();
        }
        served++;
        ResponseDefinition answer = ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .withHeader("RateLimit-Limit", Integer.toString(limit))
                .withHeader("RateLimit-Remaining", Integer.toString(Math.max(0, limit - used)))
                .withHeader("RateLimit-Reset", Long.toString(resetSeconds))
                .build();
        if (served == lowerAfter) {
            limit = loweredLimit;
        }
        return answer;
    }

    private static boolean isHeavy(Request request) {
        return "true".equals(firstValue(request, "include_transcript"))
                || "true".equals(firstValue(request, "include_summary"));
    }

    private static String firstValue(Request request, String name) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
