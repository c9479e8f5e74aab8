package com.salesai.ingest.dedup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryClaimsTest {
    private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
    private static final ClaimKey KEY = ClaimKey.call("org-1", "call-1");

    private final InMemoryClaimRepository repository = new InMemoryClaimRepository();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final DeliveryClaims claims = new DeliveryClaims(repository, clock, Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofMillis(500), d -> now = now.plus(d));

    @Test
    void firstClaimWins() {
        assertThat(claims.claim(KEY, "a", List.of("call-1"))).isInstanceOf(DeliveryClaims.Outcome.Claimed.class);
        assertThat(repository.get(KEY)).hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("a"));
    }

    @Test
    void publishedClaimIsADuplicate() {
        claims.claim(KEY, "a", List.of("call-1"));
        claims.markPublished(KEY, List.of("call-1"));

        assertThat(claims.claim(KEY, "b", List.of("call-1")))
                .isEqualTo(new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1")));
    }

    @Test
    void freshPendingClaimThatStaysPendingIsStillPendingAfterTheWait() {
        claims.claim(KEY, "a", List.of("call-1"));

        assertThat(claims.claim(KEY, "b", List.of("call-1"))).isInstanceOf(DeliveryClaims.Outcome.StillPending.class);
        assertThat(now).isEqualTo(T0.plusSeconds(2));
        assertThat(repository.get(KEY)).hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("a"));
    }

    @Test
    void stalePendingClaimIsTakenOver() {
        repository.put(new Claim(KEY, Claim.State.PENDING, "crashed", T0.minusSeconds(61), List.of("call-1")));

        assertThat(claims.claim(KEY, "b", List.of("call-1"))).isInstanceOf(DeliveryClaims.Outcome.Claimed.class);
        assertThat(repository.get(KEY)).hasValueSatisfying(c -> {
            assertThat(c.owner()).isEqualTo("b");
            assertThat(c.claimedAt()).isEqualTo(T0);
        });
    }

    @Test
    void releasedClaimCanBeClaimedAgainButOnlyItsOwnerReleasesIt() {
        claims.claim(KEY, "a", List.of("call-1"));
        claims.release(KEY, "someone-else");
        assertThat(repository.get(KEY)).isPresent();

        claims.release(KEY, "a");

        assertThat(claims.claim(KEY, "b", List.of("call-1"))).isInstanceOf(DeliveryClaims.Outcome.Claimed.class);
    }

    @Test
    void anErasedCallIsADuplicateForeverEvenIfItWasBeingPublishedWhenItWasErased() {
        claims.claim(KEY, "a", List.of("call-1"));
        claims.markErased("org-1", "call-1");
        claims.markPublished(KEY, List.of("call-1"));
        now = now.plus(Duration.ofDays(400));

        assertThat(claims.claim(KEY, "b", List.of("call-1")))
                .isEqualTo(new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1")));
        assertThat(repository.get(KEY)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(Claim.State.ERASED));
    }

    @Test
    void aCallErasedBeforeItEverArrivedIsADuplicateWhenItArrives() {
        claims.markErased("org-1", "call-1");

        assertThat(claims.claim(KEY, "a", List.of("call-1")))
                .isEqualTo(new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1")));
        assertThat(claims.claim(ClaimKey.call("org-2", "call-1"), "a", List.of("call-1")))
                .as("another organization's call of that id").isInstanceOf(DeliveryClaims.Outcome.Claimed.class);
    }
}
