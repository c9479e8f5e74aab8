package com.salesai.integration.fathom;

import java.time.Duration;
import java.time.Instant;

/**
 * One API key's request budget, as Fathom counts it: a window for every request and one for heavy requests (which
 * take a permit of both). Each window is our own count and, once Fathom has answered, also Fathom's: its
 * {@code RateLimit-Remaining}/{@code RateLimit-Reset} and 429's {@code Retry-After} are obeyed, so a limit Fathom
 * lowered (30 to 5 heavy requests) is followed without a 429 per window. Not blocking: {@link #tryTake} says how long
 * to wait instead.
 */
final class KeyBudget {
    private final Window all;
    private final Window heavy;

    KeyBudget(int limit, int heavyLimit, Duration period) {
        this.all = new Window(limit, period);
        this.heavy = new Window(heavyLimit, period);
    }

    /**
     * @param reserve permits of each window this caller must leave untouched
     * @return {@link Duration#ZERO} when a permit was taken, else how long until one may be free
     */
    synchronized Duration tryTake(boolean heavyRequest, int reserve, Instant now) {
        Duration allWait = all.waitFor(reserve, now);
        Duration heavyWait = heavyRequest ? heavy.waitFor(reserve, now) : Duration.ZERO;
        Duration wait = allWait.compareTo(heavyWait) >= 0 ? allWait : heavyWait;
        if (!wait.isZero()) {
            return wait;
        }
        all.take();
        if (heavyRequest) {
            heavy.take();
        }
        return Duration.ZERO;
    }

    /** Fathom answered a request that held a permit; {@code remaining}/{@code reset} are null when not sent. */
    synchronized void answered(boolean heavyRequest, Integer remaining, Duration reset, Instant now) {
        (heavyRequest ? heavy : all).answered(remaining, reset, now);
        if (heavyRequest) {
            all.answered(null, null, now);
        }
    }

    /** Fathom answered 429: nothing more in that window until {@code retryAfter} has passed. */
    synchronized void limited(boolean heavyRequest, Duration retryAfter, Instant now) {
        (heavyRequest ? heavy : all).answered(0, retryAfter, now);
        if (heavyRequest) {
            all.answered(null, null, now);
        }
    }

    /** No answer came (I/O error, timeout): the permit stays spent, only the in-flight count goes down. */
    synchronized void unanswered(boolean heavyRequest, Instant now) {
        all.answered(null, null, now);
        if (heavyRequest) {
            heavy.answered(null, null, now);
        }
    }

    /** Whether forgetting this budget changes nothing: our windows and Fathom's have ended, nothing in flight. */
    synchronized boolean idle(Instant now) {
        return all.idle(now) && heavy.idle(now);
    }

    private static final class Window {
        private final int limit;
        private final Duration period;
        private Instant start;
        private int used;
        private int inFlight;
        /** Fathom's count, from its last answer, less what we sent since; null while unknown. */
        private Integer fathomRemaining;
        private Instant fathomResetAt;

        Window(int limit, Duration period) {
            this.limit = limit;
            this.period = period;
        }

        /** Zero when a permit is free beyond {@code reserve}, else until our window or Fathom's ends. */
        Duration waitFor(int reserve, Instant now) {
            roll(now);
            Duration wait = Duration.ZERO;
            if (limit - used <= reserve) {
                wait = Duration.between(now, start.plus(period));
            }
            if (fathomRemaining != null && fathomRemaining <= reserve) {
                Duration untilReset = Duration.between(now, fathomResetAt);
                wait = untilReset.compareTo(wait) > 0 ? untilReset : wait;
            }
            return wait;
        }

        void take() {
            used++;
            inFlight++;
            if (fathomRemaining != null) {
                fathomRemaining--;
            }
        }

        void answered(Integer remaining, Duration reset, Instant now) {
            inFlight = Math.max(0, inFlight - 1);
            if (remaining != null && reset != null) {
                // Requests still in flight were sent after this answer was counted.
                fathomRemaining = Math.max(0, remaining - inFlight);
                fathomResetAt = now.plus(reset);
            }
        }

        boolean idle(Instant now) {
            roll(now);
            return inFlight == 0 && used == 0 && fathomRemaining == null;
        }

        private void roll(Instant now) {
            if (start == null || !now.isBefore(start.plus(period))) {
                start = now;
                used = 0;
            }
            if (fathomResetAt != null && !now.isBefore(fathomResetAt)) {
                fathomRemaining = null;
                fathomResetAt = null;
            }
        }
    }
}
