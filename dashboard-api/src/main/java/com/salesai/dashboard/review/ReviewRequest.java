package com.salesai.dashboard.review;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code PUT /api/calls/{callId}/review}, as sent: {@link ReviewPolicy} checks it. A score is read as a
 * number so that 2.5 is refused rather than cut to 2.
 */
@Schema(description = "A review: scores in place of the AI's for some criteria of the call's evaluation, and a note")
record ReviewRequest(
        @Schema(description = "at most one per criterion of the call's evaluation; may be empty when there is a note")
        List<Score> scores,
        @Schema(description = "for the rep, at most " + ReviewPolicy.MAX_NOTE_CHARS + " characters") String note) {

    record Score(
            @Schema(description = "a criterion key of the call's evaluation", example = "discovery") String criterion,
            @Schema(type = "integer", minimum = "1", maximum = "5") BigDecimal score,
            @Schema(description = "why, at most " + ReviewPolicy.MAX_COMMENT_CHARS + " characters") String comment) {
    }
}
