package com.salesai.ingest.dedup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Claims a webhook id, a call id or a quarantine copy before anything is published, so concurrent and repeated
 * deliveries publish a call, or quarantine a refused delivery, once.
 *
 * <p>Recovery story. A claim is inserted {@code pending} (the unique index decides who wins), the winner publishes
 * to Kafka and only after the ack marks it {@code published}. If publishing fails the winner releases (deletes) its
 * claims and answers 503, so Svix's retry can claim again. If the winner crashes between claim and publish, the
 * claim stays pending: a later delivery that finds it older than {@code staleAfter} takes it over and publishes.
 * Should the crashed winner in fact have published, the call is published twice, which is harmless because every
 * consumer of {@code calls.recorded} is idempotent by callId. A delivery that meets a fresh pending claim waits up
 * to {@code pendingWait} for it to become published (then it is a duplicate); otherwise it gets
 * {@link Outcome.StillPending} and must answer non-2xx, since nothing it could vouch for is durable yet.
 *
 * <p>A delivery makes two writes when nothing else holds its keys ({@link #claimInOrder}): one insert of all its
 * claims (webhook id and calls) before publishing, one write marking them all published after the ack. A crash or a
 * store failure between the two leaves them pending, and the story above applies to each: taken over once stale,
 * published again at worst. A failure inside the insert (some inserted, some not) releases every key this delivery
 * may hold and answers 503; a claim whose release failed too is likewise taken over once stale. The mark is one
 * write, so after the ack the claims are published together or, if it fails, all left to go stale together.
 *
 * <p>The story holds across members because a call is claimed per organization, not per receiving user (see
 * {@link ClaimKey}): whichever member's delivery holds the claim publishes the call, a stale claim left by one
 * member's crashed delivery is taken over by the next delivery from any member's URL, and a release after a failed
 * publish lets either URL's retry claim it again. The webhook id stays per receiving user, so each URL's Svix retry
 * still gets its own answer (200 duplicate once the call is published, whoever published it).
 */
public class DeliveryClaims {
    private static final Logger log = LoggerFactory.getLogger(DeliveryClaims.class);

    /** The result of claiming one key. */
    public sealed interface Outcome {
        /** This delivery holds the key and must publish, then mark it published or release it. */
        record Claimed() implements Outcome {
        }

        /** Someone already published it, or (a call) it was erased: either way it is not published again. */
        record AlreadyPublished(List<String> callIds) implements Outcome {
        }

        /** Another delivery is publishing it right now and did not finish within the wait. */
        record StillPending() implements Outcome {
        }
    }

    /** Waits between looks at a pending claim; replaceable so unit tests needn't sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ClaimRepository repository;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration pendingWait;
    private final Duration pollInterval;
    private final Sleeper sleeper;

    public DeliveryClaims(ClaimRepository repository, Clock clock, Duration staleAfter, Duration pendingWait,
                          Duration pollInterval, Sleeper sleeper) {
        this.repository = repository;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.pendingWait = pendingWait;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
    }

    public Outcome claim(ClaimKey key, String owner, List<String> callIds) {
        return settle(key, owner, callIds, repository.insertPending(key, owner, callIds, clock.instant()));
    }

    /**
     * A delivery's claims in their order (its webhook id, then its calls sorted), decided as {@link #claim} one after
     * the other would decide them, in one insert of them all when no other claim holds any. Once a key turns out
     * pending elsewhere, the keys after it that this insert took are given back before it is waited on and claimed
     * again after it, so two deliveries never wait on each other holding keys out of order. Stops after a key still
     * pending elsewhere and after an already published webhook id (it covers the calls): the outcomes are those of
     * the first keys, in order. A Claimed key is held by {@code owner}; after an exception none is.
     */
    public List<Outcome> claimInOrder(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds, String owner) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Set<ClaimKey> taken = repository.insertAllPending(keys, callIds, owner, clock.instant());
            boolean oneByOne = false;
            for (int i = 0; i < keys.size(); i++) {
                ClaimKey key = keys.get(i);
                Outcome outcome;
                if (oneByOne) {
                    outcome = claim(key, owner, callIds.apply(key));
                } else if (!taken.contains(key)) {
                    outcome = new Outcome.Claimed();
                } else {
                    Optional<Claim> holder = repository.find(key);
                    if (holder.isEmpty() || holder.get().state() == Claim.State.PENDING) {
                        releaseInsertedAfter(i, keys, taken, owner);
                        oneByOne = true;
                    }
                    outcome = holder.isEmpty() ? claim(key, owner, callIds.apply(key))
                            : settle(key, owner, callIds.apply(key), holder);
                }
                outcomes.add(outcome);
                if (outcome instanceof Outcome.StillPending
                        || outcome instanceof Outcome.AlreadyPublished && key.kind() == ClaimKey.Kind.WEBHOOK) {
                    if (!oneByOne) {
                        releaseInsertedAfter(i, keys, taken, owner);
                    }
                    break;
                }
            }
            return outcomes;
        } catch (RuntimeException e) {
            keys.forEach(key -> release(key, owner));
            throw e;
        }
    }

    private void releaseInsertedAfter(int index, List<ClaimKey> keys, Set<ClaimKey> taken, String owner) {
        keys.subList(index + 1, keys.size()).stream().filter(later -> !taken.contains(later))
                .forEach(later -> release(later, owner));
    }

    /** What {@code existing} (empty: nothing, so this delivery's insert won) means for this claim, waited out. */
    private Outcome settle(ClaimKey key, String owner, List<String> callIds, Optional<Claim> existing) {
        Instant deadline = clock.instant().plus(pendingWait);
        Optional<Claim> holder = existing;
        while (true) {
            if (holder.isEmpty()) {
                return new Outcome.Claimed();
            }
            Instant now = clock.instant();
            Claim claim = holder.get();
            if (claim.state() == Claim.State.PUBLISHED || claim.state() == Claim.State.ERASED) {
                return new Outcome.AlreadyPublished(claim.callIds());
            }
            if (!claim.claimedAt().plus(staleAfter).isAfter(now)) {
                if (repository.takeOver(key, claim.owner(), owner, now)) {
                    log.warn("took over stale pending claim {} {} of {} claimed at {}",
                            key.kind(), key.id(), key.scope(), claim.claimedAt());
                    return new Outcome.Claimed();
                }
                // someone else changed it meanwhile: look again
            } else if (!now.isBefore(deadline)) {
                return new Outcome.StillPending();
            } else {
                try {
                    sleeper.sleep(pollInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome.StillPending();
                }
            }
            holder = repository.insertPending(key, owner, callIds, clock.instant());
        }
    }

    public void markPublished(ClaimKey key, List<String> callIds) {
        repository.markPublished(key, callIds);
    }

    /** {@link #markPublished} of every key, in one write; on an exception they may all stay pending. */
    public void markAllPublished(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds) {
        repository.markAllPublished(keys, callIds);
    }

    /** An erased call is answered as a duplicate from now on, however it arrives. */
    public void markErased(String orgId, String callId) {
        repository.markErased(ClaimKey.call(orgId, callId), clock.instant());
    }

    /** Best effort: a claim left behind is taken over once stale. */
    public void release(ClaimKey key, String owner) {
        try {
            repository.release(key, owner);
        } catch (RuntimeException e) {
            log.warn("could not release claim {} {} of {}: {}", key.kind(), key.id(), key.scope(), e.toString());
        }
    }
}
