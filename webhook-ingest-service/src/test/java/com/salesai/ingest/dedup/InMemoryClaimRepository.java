package com.salesai.ingest.dedup;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The unique-index semantics of the Mongo repository, in memory, for unit tests; it counts the writes made. */
public class InMemoryClaimRepository implements ClaimRepository {
    private final Map<ClaimKey, Claim> claims = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public Optional<Claim> insertPending(ClaimKey key, String owner, List<String> callIds, Instant now) {
        writes.incrementAndGet();
        Claim mine = new Claim(key, Claim.State.PENDING, owner, now, callIds);
        Claim existing = claims.putIfAbsent(key, mine);
        return Optional.ofNullable(existing);
    }

    @Override
    public Set<ClaimKey> insertAllPending(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds, String owner,
                                          Instant now) {
        writes.incrementAndGet();
        Set<ClaimKey> taken = new HashSet<>();
        for (ClaimKey key : keys) {
            if (claims.putIfAbsent(key, new Claim(key, Claim.State.PENDING, owner, now, callIds.apply(key))) != null) {
                taken.add(key);
            }
        }
        return taken;
    }

    @Override
    public Optional<Claim> find(ClaimKey key) {
        return get(key);
    }

    @Override
    public void markAllPublished(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds) {
        writes.incrementAndGet();
        keys.forEach(key -> publish(key, callIds.apply(key)));
    }

    @Override
    public boolean takeOver(ClaimKey key, String expectedOwner, String newOwner, Instant now) {
        writes.incrementAndGet();
        Claim current = claims.get(key);
        return current != null && current.state() == Claim.State.PENDING && current.owner().equals(expectedOwner)
                && claims.replace(key, current, new Claim(key, Claim.State.PENDING, newOwner, now, current.callIds()));
    }

    @Override
    public void markPublished(ClaimKey key, List<String> callIds) {
        writes.incrementAndGet();
        publish(key, callIds);
    }

    private void publish(ClaimKey key, List<String> callIds) {
        claims.computeIfPresent(key, (k, c) -> c.state() == Claim.State.ERASED ? c
                : new Claim(k, Claim.State.PUBLISHED, c.owner(), c.claimedAt(), callIds));
    }

    @Override
    public void markErased(ClaimKey key, Instant at) {
        claims.put(key, new Claim(key, Claim.State.ERASED, "erasure", at, List.of(key.id())));
    }

    @Override
    public void release(ClaimKey key, String owner) {
        writes.incrementAndGet();
        claims.computeIfPresent(key, (k, c) -> c.state() == Claim.State.PENDING && c.owner().equals(owner) ? null : c);
    }

    /** Inserts, take-overs, marks and releases made so far (a batch is one). */
    public int writes() {
        return writes.get();
    }

    public Optional<Claim> get(ClaimKey key) {
        return Optional.ofNullable(claims.get(key));
    }

    public void put(Claim claim) {
        claims.put(claim.key(), claim);
    }
}
