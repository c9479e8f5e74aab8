package com.salesai.ingest.dedup;

import java.time.Instant;
import java.util.List;

/** A stored claim: who holds it since when, and whether what it covers is already durable on Kafka. */
public record Claim(ClaimKey key, State state, String owner, Instant claimedAt, List<String> callIds) {

    public enum State { PENDING, PUBLISHED }

    public Claim {
        callIds = callIds == null ? List.of() : List.copyOf(callIds);
    }
}
