package com.salesai.integration.fathom;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
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
import java.util.Locale;
import java.util.function.Function;

/**
 * Wraps each Fathom call as retry(circuit breaker(permit of the key's budget, call)): every attempt takes a permit
 * ({@link KeyBudget}: all requests, heavy requests, and what Fathom's headers say), the breaker counts only
 * 5xx/I-O failures (a bad key must not open it for everyone), and the retry waits what a 429 asked for or backs off
 * exponentially. A user's request never waits longer than {@code permitWait} and never waits out a 429: it reports
 * it. A permit we could not give in time is reported, never retried.
 */
final class FathomResilience {
    private static final String NAME = "fathom";

    private final FathomProperties.RateLimit rate;
    private final Duration backgroundWait;
    private final KeyBudgets budgets;
    private final CircuitBreaker circuitBreaker;
    private final Retry requestRetry;
    private final Retry backgroundRetry;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    FathomResilience(FathomProperties properties, MeterRegistry meterRegistry) {
        this.rate = properties.rateLimit();
        this.backgroundWait = properties.retry().maxWait();
        this.budgets = new KeyBudgets(rate, clock);
        this.meters = meterRegistry;

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
        RetryRegistry retries = RetryRegistry.ofDefaults();
        this.requestRetry = retries.retry(NAME + "-request", retryConfig(policy, null));
        this.backgroundRetry = retries.retry(NAME, retryConfig(policy, policy.maxWait()));

        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meterRegistry);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meterRegistry);
    }

    /** @param heavy whether Fathom counts the request as heavy (transcript or summary content) */
    <T> T call(String apiKey, Caller caller, boolean heavy, String endpoint, Function<Permit, T> call) {
        KeyBudget budget = budgets.forKey(keyFingerprint(apiKey));
        return (caller == Caller.REQUEST ? requestRetry : backgroundRetry).executeSupplier(() -> {
            try {
                return circuitBreaker.executeSupplier(() -> {
                    try (Permit permit = take(budget, caller, heavy, endpoint)) {
                        return call.apply(permit);
                    }
                });
            } catch (CallNotPermittedException open) {
                throw new FathomUnavailableException(endpoint, 0,
                        "Fathom circuit breaker is open after repeated failures; not calling " + endpoint);
            }
        });
    }

    /** Waits on this thread for a permit, as long as the caller may; past that, reports when one may be free. */
    private Permit take(KeyBudget budget, Caller caller, boolean heavy, String endpoint) {
        Duration patience = caller == Caller.REQUEST ? rate.permitWait() : backgroundWait;
        int reserve = caller == Caller.SYNC ? rate.syncReserve() : 0;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Duration wait = budget.tryTake(heavy, reserve, clock.instant());
            if (wait.isZero()) {
                return new Permit(budget, heavy, clock);
            }
            if (wait.toNanos() > deadline - System.nanoTime()) {
                meters.counter("fathom.client.permits.denied", "caller", caller.name().toLowerCase(Locale.ROOT))
                        .increment();
                throw new FathomRateLimitedException(endpoint, 0, Duration.ofSeconds((wait.toMillis() + 999) / 1000));
            }
            sleep(wait);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Fathom permit", e);
        }
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

    /** @param longest429Wait the longest {@code Retry-After} waited out; null: a 429 is reported at once */
    private static RetryConfig retryConfig(FathomProperties.RetryPolicy policy, Duration longest429Wait) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> isRetryable(e, longest429Wait))
                .intervalBiFunction(waitBeforeRetry(policy))
                .build();
    }

    private static boolean isRetryable(Throwable e, Duration longest429Wait) {
        if (e instanceof FathomRateLimitedException limited) {
            // status 0: our own budget said no after waiting all the caller may wait; retrying would wait again
            return limited.status() == 429 && longest429Wait != null
                    && limited.retryAfter().compareTo(longest429Wait) <= 0;
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
