package com.salesai.ingest.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The unique-index semantics of the Mongo repository, in memory, for unit tests. */
public class InMemoryClaimRepository implements ClaimRepository {
    private final Map<ClaimKey, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<Claim> insertPending(ClaimKey key, String owner, List<String> callIds, Instant now) {
        Claim mine = new Claim(key, Claim.State.PENDING, owner, now, callIds);
        Claim existing = claims.putIfAbsent(key, mine);
        return Optional.ofNullable(existing);
    }

    @Override
    public boolean takeOver(ClaimKey key, String expectedOwner, String newOwner, Instant now) {
        Claim current = claims.get(key);
        return current != null && current.state() == Claim.State.PENDING && current.owner().equals(expectedOwner)
                && claims.replace(key, current, new Claim(key, Claim.State.PENDING, newOwner, now, current.callIds()));
    }

    @Override
    public void markPublished(ClaimKey key, List<String> callIds) {
        claims.computeIfPresent(key, (k, c) -> c.state() == Claim.State.ERASED ? c
                : new Claim(k, Claim.State.PUBLISHED, c.owner(), c.claimedAt(), callIds));
    }

    @Override
    public void markErased(ClaimKey key, Instant at) {
        claims.put(key, new Claim(key, Claim.State.ERASED, "erasure", at, List.of(key.id())));
    }

    @Override
    public void release(ClaimKey key, String owner) {
        claims.computeIfPresent(key, (k, c) -> c.state() == Claim.State.PENDING && c.owner().equals(owner) ? null : c);
    }

    public Optional<Claim> get(ClaimKey key) {
        return Optional.ofNullable(claims.get(key));
    }

    public void put(Claim claim) {
        claims.put(claim.key(), claim);
    }
}
