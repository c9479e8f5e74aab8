package com.salesai.dashboard.projection;

import com.salesai.schema.events.CallReviewed;

import java.time.Instant;
import java.util.List;

/**
 * What the latest {@code CallReviewed} tells about a call: who reviewed it and when, the scores they gave in place of
 * the AI's (by criterion key, each with a comment) and their note for the rep. A newer review ({@code at}) replaces
 * it whole.
 */
public record ReviewPart(Instant at, String orgId, CallReviewed.Reviewer reviewedBy,
                         List<CallReviewed.ReviewedScore> scores, String note) {

    public ReviewPart {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
