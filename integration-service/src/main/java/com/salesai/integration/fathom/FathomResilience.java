package com.salesai.integration.fathom;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Wraps each Fathom call as retry(circuit breaker(per-key rate limiter(call))): every attempt takes a permit of
 * its key's limiter, the breaker counts only 5xx/I-O failures (a bad key must not open it for everyone), and the
 * retry waits what a 429 asked for ({@code Retry-After}/{@code RateLimit-Reset}) or backs off exponentially.
 */
final class FathomResilience {
    private static final String NAME = "fathom";

    private final KeyRateLimiters limiters;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Duration limiterPeriod;

    FathomResilience(FathomProperties properties, MeterRegistry meterRegistry) {
        FathomProperties.RateLimit rate = properties.rateLimit();
        this.limiterPeriod = rate.period();
        this.limiters = new KeyRateLimiters(RateLimiterConfig.custom()
                .limitForPeriod(rate.limitForPeriod())
                .limitRefreshPeriod(rate.period())
                .timeoutDuration(rate.permitWait())
                .build(), Clock.systemUTC());

        FathomProperties.CircuitBreakerPolicy cb = properties.circuitBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRateThreshold())
                .minimumNumberOfCalls(cb.minimumCalls())
                .slidingWindowSize(Math.max(cb.minimumCalls(), 20))
                .waitDurationInOpenState(cb.openWait())
                .recordException(FathomUnavailableException.class::isInstance)
                .ignoreException(e -> !(e instanceof FathomUnavailableException))
                .build());
        this.circuitBreaker = breakers.circuitBreaker(NAME);

        FathomProperties.RetryPolicy policy = properties.retry();
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> isRetryable(e, policy.maxWait()))
                .intervalBiFunction(waitBeforeRetry(policy))
                .build());
        this.retry = retries.retry(NAME);

        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meterRegistry);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meterRegistry);
    }

    <T> T call(String apiKey, String endpoint, Supplier<T> call) {
        RateLimiter limiter = limiters.forKey(keyFingerprint(apiKey));
        Supplier<T> attempt = () -> {
            try {
                return circuitBreaker.executeSupplier(() -> limiter.executeSupplier(call));
            } catch (CallNotPermittedException open) {
                throw new FathomUnavailableException(endpoint, 0,
                        "Fathom circuit breaker is open after repeated failures; not calling " + endpoint);
            } catch (RequestNotPermitted noPermit) {
                throw new FathomRateLimitedException(endpoint, 0, limiterPeriod);
            }
        };
        return retry.executeSupplier(attempt);
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** Limiters are keyed by a hash so no API key sits in a map key, a metric or a log line. */
    static String keyFingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static boolean isRetryable(Throwable e, Duration maxWait) {
        if (e instanceof FathomRateLimitedException limited) {
            return limited.retryAfter().compareTo(maxWait) <= 0;
        }
        // An open circuit (status 0, no cause) must fail fast: retrying it would only wait.
        return e instanceof FathomUnavailableException unavailable
                && (unavailable.status() >= 500 || unavailable.getCause() != null);
    }

    private static IntervalBiFunction<Object> waitBeforeRetry(FathomProperties.RetryPolicy policy) {
        return (attempt, outcome) -> {
            if (outcome != null && outcome.isLeft()
                    && outcome.getLeft() instanceof FathomRateLimitedException limited) {
                return Math.max(limited.retryAfter().toMillis(), 1L);
            }
            long backoff = policy.baseWait().toMillis() << Math.min(attempt - 1, 16);
            return Math.min(backoff, policy.maxWait().toMillis());
        };
    }
}
