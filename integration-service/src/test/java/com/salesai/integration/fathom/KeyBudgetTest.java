package com.salesai.integration.fathom;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeyBudgetTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private final Instant t0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void ourOwnCountStopsAtTheLimitUntilTheWindowEnds() {
        KeyBudget budget = new KeyBudget(60, 2, MINUTE);

        assertThat(budget.tryTake(true, 0, t0)).isZero();
        assertThat(budget.tryTake(true, 0, t0.plusSeconds(1))).isZero();
        assertThat(budget.tryTake(true, 0, t0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(50));
        assertThat(budget.tryTake(false, 0, t0.plusSeconds(10))).as("light requests have their own window").isZero();
        assertThat(budget.tryTake(true, 0, t0.plusSeconds(60))).isZero();
    }

    @Test
    void fathomsRemainingAndResetAreObeyedWhenItLowersTheLimit() {
        KeyBudget budget = new KeyBudget(60, 30, MINUTE);
        assertThat(budget.tryTake(true, 0, t0)).isZero();
        budget.answered(true, 1, Duration.ofSeconds(40), t0); // Fathom lowered the heavy limit: one left

        assertThat(budget.tryTake(true, 0, t0.plusSeconds(1))).isZero();
        assertThat(budget.tryTake(true, 0, t0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(38));
        assertThat(budget.tryTake(true, 0, t0.plusSeconds(40))).isZero();
    }

    @Test
    void requestsStillInFlightCountAgainstWhatFathomSaysIsLeft() {
        KeyBudget budget = new KeyBudget(60, 30, MINUTE);
        assertThat(budget.tryTake(true, 0, t0)).isZero();
        assertThat(budget.tryTake(true, 0, t0)).isZero();
        budget.answered(true, 1, Duration.ofSeconds(30), t0); // the other one was sent after this answer

        assertThat(budget.tryTake(true, 0, t0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a429BlocksItsWindowForRetryAfter() {
        KeyBudget budget = new KeyBudget(60, 30, MINUTE);
        assertThat(budget.tryTake(false, 0, t0)).isZero();
        budget.limited(false, Duration.ofSeconds(7), t0);

        assertThat(budget.tryTake(true, 0, t0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(5));
        assertThat(budget.tryTake(false, 0, t0.plusSeconds(7))).isZero();
    }

    @Test
    void theSyncLeavesTheReserveToUsersRequests() {
        KeyBudget budget = new KeyBudget(60, 5, MINUTE);
        for (int i = 0; i < 2; i++) {
            assertThat(budget.tryTake(true, 3, t0)).isZero();
        }
        assertThat(budget.tryTake(true, 3, t0)).as("sync").isEqualTo(MINUTE);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.tryTake(true, 0, t0)).as("import").isZero();
        }
        assertThat(budget.tryTake(true, 0, t0)).isEqualTo(MINUTE);
    }

    @Test
    void aBudgetIsIdleOnceItsWindowsEndedWithNothingInFlight() {
        KeyBudget budget = new KeyBudget(60, 30, MINUTE);
        budget.tryTake(true, 0, t0);
        assertThat(budget.idle(t0.plusSeconds(61))).as("still in flight").isFalse();
        budget.answered(true, 20, Duration.ofSeconds(90), t0.plusSeconds(1));
        assertThat(budget.idle(t0.plusSeconds(61))).as("Fathom's window still open").isFalse();
        assertThat(budget.idle(t0.plusSeconds(92))).isTrue();
    }
}
