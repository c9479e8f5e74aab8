package com.salesai.integration.fathom;

import java.time.Clock;
import java.time.Duration;

/** A permit taken from a key's budget for one HTTP attempt; reports Fathom's answer back to the budget once. */
final class Permit implements AutoCloseable {
    private final KeyBudget budget;
    private final boolean heavy;
    private final Clock clock;
    private boolean reported;

    Permit(KeyBudget budget, boolean heavy, Clock clock) {
        this.budget = budget;
        this.heavy = heavy;
        this.clock = clock;
    }

    /** Any answer but 429, with its {@code RateLimit-Remaining}/{@code RateLimit-Reset} (null when absent). */
    void answered(Integer remaining, Duration reset) {
        if (!reported) {
            reported = true;
            budget.answered(heavy, remaining, reset, clock.instant());
        }
    }

    void limited(Duration retryAfter) {
        if (!reported) {
            reported = true;
            budget.limited(heavy, retryAfter, clock.instant());
        }
    }

    @Override
    public void close() {
        if (!reported) {
            reported = true;
            budget.unanswered(heavy, clock.instant());
        }
    }
}
