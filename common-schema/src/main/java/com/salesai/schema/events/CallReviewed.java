package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A manager reviewed a call's evaluation: the scores they gave in place of the AI's for some criteria, each with a
 * comment, and a note for the rep. On the compacted topic {@link Topics#CALLS_REVIEWED} keyed by {@code callId}; the
 * latest review of a call (by {@code at}) is the one that counts, and it replaces an earlier one whole. A criterion is
 * named by its key in the call's scorecard ({@code discovery}, or an org scorecard's own key). Tombstoned when the call
 * is erased.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallReviewed(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String callId,
        String orgId,
        Reviewer reviewedBy,
        Instant at,
        List<ReviewedScore> scores,
        String note) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public CallReviewed {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    public static CallReviewed of(String callId, String orgId, Reviewer reviewedBy, Instant at,
                                  List<ReviewedScore> scores, String note) {
        return new CallReviewed(SCHEMA_VERSION, UUID.randomUUID(), at, callId, orgId, reviewedBy, at, scores, note);
    }

    /** Who reviewed: their userId ({@code sub}) and display name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reviewer(String userId, String name) {
    }

    /** The reviewer's score (1–5) for one criterion, and why; {@code comment} may be null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewedScore(String criterion, int score, String comment) {
    }
}
