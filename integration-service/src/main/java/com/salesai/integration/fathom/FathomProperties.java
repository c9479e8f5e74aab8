package com.salesai.integration.fathom;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the Fathom REST API is reached: {@code FATHOM_API_BASE_URL}, timeouts and the resilience policy. The rate
 * limits mirror Fathom's own per API key (60 calls and 30 heavy calls per minute) so we wait locally instead of
 * collecting 429s.
 */
@ConfigurationProperties("app.fathom")
public record FathomProperties(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        RateLimit rateLimit,
        RetryPolicy retry,
        CircuitBreakerPolicy circuitBreaker) {

    public static final String DEFAULT_BASE_URL = "https://api.fathom.ai/external/v1";

    public FathomProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : stripTrailingSlash(baseUrl.strip());
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        rateLimit = rateLimit == null ? new RateLimit(0, 0, null, null, -1) : rateLimit;
        retry = retry == null ? new RetryPolicy(0, null, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreakerPolicy(0, 0, null) : circuitBreaker;
    }

    /** Defaults only, with the given base URL: for the command-line check, which runs without Spring. */
    public static FathomProperties withBaseUrl(String baseUrl) {
        return new FathomProperties(baseUrl, null, null, null, null, null);
    }

    /** The API version segment of the base URL, e.g. {@code v1} for {@code .../external/v1}. */
    public String apiVersion() {
        String last = baseUrl.substring(baseUrl.lastIndexOf('/') + 1);
        return last.matches("v\\d+") ? last : "unknown";
    }

    /**
     * @param limitForPeriod      calls allowed per API key per period (Fathom: 60)
     * @param heavyLimitForPeriod heavy calls ({@code /meetings} with transcript or summary, {@code /recordings/*})
     *                            allowed per API key per period (Fathom: 30, lowered to 5 in busy times, which the
     *                            client learns from {@code RateLimit-Remaining})
     * @param period              the window of both limits (Fathom: 60 s; tests shorten it)
     * @param permitWait          the longest a user's request waits for a permit ({@code FATHOM_PERMIT_WAIT}); past
     *                            it the request answers "Rate limit exceeded". Imports and the sync wait on their own
     *                            threads, up to the retry policy's {@code maxWait}
     * @param syncReserve         permits per window the catch-up sync leaves to users' requests and imports
     */
    public record RateLimit(int limitForPeriod, int heavyLimitForPeriod, Duration period, Duration permitWait,
                            int syncReserve) {
        public RateLimit {
            limitForPeriod = limitForPeriod <= 0 ? 60 : limitForPeriod;
            heavyLimitForPeriod = heavyLimitForPeriod <= 0 ? 30 : heavyLimitForPeriod;
            period = period == null ? Duration.ofSeconds(60) : period;
            permitWait = permitWait == null ? Duration.ofSeconds(2) : permitWait;
            syncReserve = syncReserve < 0 ? 3 : syncReserve;
        }
    }

    /**
     * @param maxAttempts attempts including the first
     * @param baseWait    first backoff after a 5xx or I/O error, doubled on each attempt
     * @param maxWait     longest wait we accept; a 429 asking for longer is not retried but reported
     */
    public record RetryPolicy(int maxAttempts, Duration baseWait, Duration maxWait) {
        public RetryPolicy {
            maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
            baseWait = baseWait == null ? Duration.ofMillis(500) : baseWait;
            maxWait = maxWait == null ? Duration.ofSeconds(65) : maxWait;
        }
    }

    /**
     * @param failureRateThreshold percentage of 5xx/I-O failures that opens the circuit
     * @param minimumCalls         calls in the window before the rate is judged
     * @param openWait             how long the circuit stays open before a trial call
     */
    public record CircuitBreakerPolicy(int failureRateThreshold, int minimumCalls, Duration openWait) {
        public CircuitBreakerPolicy {
            failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
            minimumCalls = minimumCalls <= 0 ? 10 : minimumCalls;
            openWait = openWait == null ? Duration.ofSeconds(30) : openWait;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
