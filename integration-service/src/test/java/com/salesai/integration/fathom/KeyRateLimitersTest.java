package com.salesai.integration.fathom;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRateLimitersTest {
    private final MutableClock clock = new MutableClock();
    private final KeyRateLimiters limiters = new KeyRateLimiters(RateLimiterConfig.custom().limitForPeriod(2)
            .limitRefreshPeriod(Duration.ofSeconds(60)).timeoutDuration(Duration.ofSeconds(5)).build(), clock);

    @Test
    void aKeyKeepsItsLimiterWhileInUse() {
        RateLimiter first = limiters.forKey("key-a");
        clock.advance(Duration.ofSeconds(50));
        assertThat(limiters.forKey("key-a")).isSameAs(first);
        clock.advance(Duration.ofSeconds(50));
        assertThat(limiters.forKey("key-a")).isSameAs(first);
        assertThat(limiters.forKey("key-b")).isNotSameAs(first);
    }

    @Test
    void limitersIdleLongerThanAPeriodAndTheLongestWaitAreForgotten() {
        for (int i = 0; i < 100; i++) {
            limiters.forKey("old-" + i);
        }
        clock.advance(Duration.ofSeconds(30));
        limiters.forKey("recent");
        clock.advance(Duration.ofSeconds(40)); // old keys idle 70 s > 60 s + 5 s + 1 s; "recent" idle 40 s

        limiters.forKey("new");

        assertThat(limiters.size()).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
