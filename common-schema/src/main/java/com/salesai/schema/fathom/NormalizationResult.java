package com.salesai.schema.fathom;

import java.util.List;
import java.util.Objects;

/** The outcome of normalizing one request body: every call in it, or why the whole body was refused. */
public sealed interface NormalizationResult {

    /** At least one call; calls keep the order of the body. */
    record Normalized(List<NormalizedCall> calls) implements NormalizationResult {
        public Normalized {
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a normalized body has at least one call");
            }
        }
    }

    /** A human-readable reason naming the element and the problem; never contains transcript text. */
    record Rejected(String reason) implements NormalizationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
