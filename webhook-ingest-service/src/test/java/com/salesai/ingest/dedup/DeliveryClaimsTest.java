package com.salesai.ingest.dedup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final ClaimKey WEBHOOK = ClaimKey.webhook("user-1", "msg-1");
    private static final ClaimKey CALL_2 = ClaimKey.call("org-1", "call-2");
    private static final List<ClaimKey> DELIVERY = List.of(WEBHOOK, KEY, CALL_2);

    private static List<String> covered(ClaimKey key) {
        return key.kind() == ClaimKey.Kind.WEBHOOK ? List.of("call-1", "call-2") : List.of(key.id());
    }

    @Test
    void aNewDeliveryIsClaimedInOneWriteAndMarkedPublishedInOne() {
        List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "a");
        assertThat(repository.writes()).isEqualTo(1);
        claims.markAllPublished(DELIVERY, DeliveryClaimsTest::covered);

        assertThat(repository.writes()).isEqualTo(2);
        assertThat(outcomes).hasSize(3).allMatch(o -> o instanceof DeliveryClaims.Outcome.Claimed);
        assertThat(repository.get(WEBHOOK)).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(Claim.State.PUBLISHED);
            assertThat(c.callIds()).containsExactly("call-1", "call-2");
        });
        assertThat(repository.get(CALL_2)).hasValueSatisfying(c -> assertThat(c.callIds()).containsExactly("call-2"));
    }

    @Test
    void aRetryOfAPublishedDeliveryStopsAtItsWebhookIdAndHoldsNothing() {
        claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "a");
        claims.markPublished(WEBHOOK, List.of("call-1", "call-2"));
        claims.release(CALL_2, "a"); // whatever became of a call claim, the published webhook id answers

        List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "b");

        assertThat(outcomes).containsExactly(
                new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1", "call-2")));
        assertThat(repository.get(CALL_2)).as("inserted with the others, given back").isEmpty();
    }

    @Test
    void crashedBetweenClaimAndPublishTheStaleClaimsAreTakenOverTogether() {
        claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "crashed");
        now = now.plusSeconds(61);

        List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "b");

        assertThat(outcomes).hasSize(3).allMatch(o -> o instanceof DeliveryClaims.Outcome.Claimed);
        assertThat(DELIVERY).allSatisfy(key -> assertThat(repository.get(key))
                .hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("b")));
    }

    @Test
    void crashedAfterTheAckButBeforeTheMarkTheCallsArePublishedAgainOnceStale() {
        claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "crashed");
        // the publish was acked; the process died before markAllPublished

        assertThat(claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "retry-too-soon"))
                .last().isInstanceOf(DeliveryClaims.Outcome.StillPending.class);
        now = now.plusSeconds(61);
        assertThat(claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "later-retry"))
                .hasSize(3).allMatch(o -> o instanceof DeliveryClaims.Outcome.Claimed);
    }

    @Test
    void keysClaimedAfterOnePendingElsewhereAreGivenBackBeforeItIsWaitedOn() {
        repository.put(new Claim(KEY, Claim.State.PENDING, "other", T0, List.of("call-1")));
        DeliveryClaims waiting = new DeliveryClaims(repository, clock, Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofMillis(500), d -> {
                    assertThat(repository.get(CALL_2)).as("not held while waiting on call-1").isEmpty();
                    claims.markPublished(KEY, List.of("call-1"));
                    now = now.plus(d);
                });

        List<DeliveryClaims.Outcome> outcomes = waiting.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "a");

        assertThat(outcomes).containsExactly(new DeliveryClaims.Outcome.Claimed(),
                new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1")), new DeliveryClaims.Outcome.Claimed());
        assertThat(repository.get(CALL_2)).hasValueSatisfying(c -> assertThat(c.owner()).isEqualTo("a"));
    }

    @Test
    void aCallPublishedElsewhereIsSkippedWithoutGivingBackTheOthers() {
        repository.put(new Claim(KEY, Claim.State.PUBLISHED, "other", T0, List.of("call-1")));

        List<DeliveryClaims.Outcome> outcomes = claims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "a");

        assertThat(outcomes).containsExactly(new DeliveryClaims.Outcome.Claimed(),
                new DeliveryClaims.Outcome.AlreadyPublished(List.of("call-1")), new DeliveryClaims.Outcome.Claimed());
        assertThat(repository.writes()).as("the insert only").isEqualTo(1);
    }

    @Test
    void aStoreFailureDuringTheInsertLeavesNothingHeld() {
        InMemoryClaimRepository failing = new InMemoryClaimRepository() {
            @Override
            public Set<ClaimKey> insertAllPending(List<ClaimKey> keys,
                                                            Function<ClaimKey, List<String>> ids,
                                                            String owner, Instant at) {
                super.insertAllPending(keys.subList(0, 2), ids, owner, at);
                throw new IllegalStateException("connection lost after two inserts");
            }
        };
        DeliveryClaims failingClaims = new DeliveryClaims(failing, clock, Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofMillis(500), d -> now = now.plus(d));

        assertThatThrownBy(
                () -> failingClaims.claimInOrder(DELIVERY, DeliveryClaimsTest::covered, "a"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(DELIVERY).allSatisfy(key -> assertThat(failing.get(key)).isEmpty());
    }
}
