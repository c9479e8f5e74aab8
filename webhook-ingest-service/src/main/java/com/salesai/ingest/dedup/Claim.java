package com.salesai.ingest.dedup;

import java.time.Instant;
import java.util.List;

/**
 * A stored claim: who holds it since when, and whether what it covers is already durable on Kafka, or (a call only)
 * erased: then it is kept for good and every later delivery of the call is a duplicate.
 */
public record Claim(ClaimKey key, State state, String owner, Instant claimedAt, List<String> callIds) {

    public enum State { PENDING, PUBLISHED, ERASED }

    public Claim {
        callIds = callIds == null ? List.of() : List.copyOf(callIds);
    }
}
