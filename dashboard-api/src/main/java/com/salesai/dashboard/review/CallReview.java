package com.salesai.dashboard.review;

import com.salesai.dashboard.projection.CallRecord;
import com.salesai.schema.events.CallReviewed;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A manager's review of a call as the API shows it: in the call's detail, and as the answer to the review itself. */
@Schema(description = "A manager's review: their scores in place of the AI's for some criteria, and a note")
public record CallReview(
        @Schema(description = "who reviewed: userId and name") CallReviewed.Reviewer by,
        Instant at,
        @Schema(description = "the reviewer's scores (1-5) by criterion key; the AI's stay in evaluation.scores")
        List<CallReviewed.ReviewedScore> scores,
        String note,
        @Schema(description = "0..100, the overall score with these scores in place of the AI's")
        Integer effectiveScore) {

    /** The record's review, or null when it has none. */
    public static CallReview of(CallRecord record) {
        var review = record.review();
        return review == null ? null
                : new CallReview(review.reviewedBy(), review.at(), review.scores(), review.note(),
                        record.effectiveScore());
    }
}
