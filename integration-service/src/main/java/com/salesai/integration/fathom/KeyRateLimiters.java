package com.salesai.integration.fathom;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rate limiter per API key fingerprint. A limiter idle for longer than a refresh period plus the longest permit
 * wait has all its permits back, so forgetting it changes nothing for its key; forgetting idle ones keeps the map
 * bounded by the keys in use instead of every key ever seen (re-saved and deleted integrations).
 */
final class KeyRateLimiters {
    private record Entry(RateLimiter limiter, AtomicLong lastUsed) {
    }

    private final RateLimiterConfig config;
    private final Clock clock;
    private final long idleMillis;
    private final Map<String, Entry> limiters = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    KeyRateLimiters(RateLimiterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.idleMillis = config.getLimitRefreshPeriod().plus(config.getTimeoutDuration())
                .plus(Duration.ofSeconds(1)).toMillis();
        this.nextSweep = new AtomicLong(clock.millis() + idleMillis);
    }

    RateLimiter forKey(String fingerprint) {
        long now = clock.millis();
        sweepIfDue(now);
        Entry entry = limiters.computeIfAbsent(fingerprint,
                key -> new Entry(RateLimiter.of("fathom-" + key, config), new AtomicLong(now)));
        entry.lastUsed().set(now);
        return entry.limiter();
    }

    int size() {
        return limiters.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + idleMillis)) {
            limiters.values().removeIf(entry -> now - entry.lastUsed().get() > idleMillis);
        }
    }
}
