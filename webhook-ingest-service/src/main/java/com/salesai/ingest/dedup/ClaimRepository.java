package com.salesai.ingest.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Storage of claims; uniqueness of a key is enforced by the store (unique index), which makes insert the claim. */
public interface ClaimRepository {

    /** Inserts a pending claim; empty when this call inserted it, else the claim that already holds the key. */
    Optional<Claim> insertPending(ClaimKey key, String owner, List<String> callIds, Instant now);

    /**
     * Inserts a pending claim for every key, in one write per collection (a delivery's webhook and call claims share
     * one); returns the keys another claim already holds, which it did not insert.
     */
    Set<ClaimKey> insertAllPending(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds, String owner,
                                   Instant now);

    /** The claim that holds the key, if any. */
    Optional<Claim> find(ClaimKey key);

    /** Gives a pending claim still held by {@code expectedOwner} to {@code newOwner}; false if it changed meanwhile. */
    boolean takeOver(ClaimKey key, String expectedOwner, String newOwner, Instant now);

    /** What is published is published, whoever holds the claim now; an erased call stays erased. */
    void markPublished(ClaimKey key, List<String> callIds);

    /** {@link #markPublished} of every key, in one write per collection. */
    void markAllPublished(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds);

    /**
     * Marks a call erased, whether or not it was claimed here, and keeps the mark beyond the dedup TTL: pending or
     * published, the claim becomes an erased one no take-over, release or publish changes.
     */
    void markErased(ClaimKey key, Instant at);

    /** Deletes the claim if {@code owner} still holds it pending, so a retry can claim it again. */
    void release(ClaimKey key, String owner);
}
