package com.salesai.integration.fathom;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link KeyBudget} per API key fingerprint. A budget whose windows (ours and Fathom's) have ended with nothing
 * in flight has all its permits back, so forgetting it changes nothing for its key; forgetting idle ones keeps the
 * map bounded by the keys in use instead of every key ever seen (re-saved and deleted integrations).
 */
final class KeyBudgets {
    private final FathomProperties.RateLimit rate;
    private final Clock clock;
    private final Map<String, KeyBudget> budgets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    KeyBudgets(FathomProperties.RateLimit rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.millis() + rate.period().toMillis());
    }

    KeyBudget forKey(String fingerprint) {
        sweepIfDue(clock.instant());
        return budgets.computeIfAbsent(fingerprint,
                key -> new KeyBudget(rate.limitForPeriod(), rate.heavyLimitForPeriod(), rate.period()));
    }

    int size() {
        return budgets.size();
    }

    private void sweepIfDue(Instant now) {
        long due = nextSweep.get();
        if (now.toEpochMilli() >= due && nextSweep.compareAndSet(due, now.toEpochMilli() + rate.period().toMillis())) {
            budgets.values().removeIf(budget -> budget.idle(now));
        }
    }
}
