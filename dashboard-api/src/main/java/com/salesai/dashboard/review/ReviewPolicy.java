package com.salesai.dashboard.review;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.CallRecordMerge;
import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.projection.EffectiveScore;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.Evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may review a call and what a review may say. A head of sales or an admin reviews any evaluated call of their
 * organization; a member sees their own calls but reviews none (403); a call outside the caller's scope is answered
 * as absent (404, never 403). A review scores criteria of the call's own evaluation, each at most once, 1 to 5 in
 * whole points, with an optional comment, and may carry a note; it needs a score or a note.
 */
final class ReviewPolicy {

    static final int MAX_COMMENT_CHARS = 1000;
    static final int MAX_NOTE_CHARS = 4000;
    private static final BigDecimal LOWEST = BigDecimal.ONE;
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(5);

    private ReviewPolicy() {
    }

    /** @param record the call as the read model holds it, or null when it holds none */
    static ReviewDecision decide(Caller caller, CallRecord record, ReviewRequest request, Instant at) {
        if (record == null || caller.orgId() == null || !caller.canSee(record.orgId(), record.userId())) {
            return new ReviewDecision.Hidden();
        }
        if (!caller.seesWholeOrg()) {
            return new ReviewDecision.Forbidden();
        }
        Evaluation evaluation = record.analysis() == null ? null : record.analysis().evaluation();
        if (!CallStatus.EVALUATED.wire().equals(record.status()) || evaluation == null) {
            return new ReviewDecision.NotEvaluated(record.status());
        }
        List<String> criteria = evaluation.scores().stream().map(EffectiveScore::criterionKey).toList();
        List<ReviewRequest.Score> given = request.scores() == null ? List.of() : request.scores();
        List<CallReviewed.ReviewedScore> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "scores[" + i + "]";
            ReviewRequest.Score score = given.get(i);
            if (score == null || score.criterion() == null || !criteria.contains(score.criterion().trim())) {
                return new ReviewDecision.Invalid(field + ".criterion", "Each score must name a criterion of the "
                        + "call's evaluation: " + String.join(", ", criteria));
            }
            String criterion = score.criterion().trim();
            if (!seen.add(criterion)) {
                return new ReviewDecision.Invalid(field + ".criterion", "Criterion '" + criterion
                        + "' is scored more than once");
            }
            if (!isWholePointInRange(score.score())) {
                return new ReviewDecision.Invalid(field + ".score", "A score must be a whole number from 1 to 5");
            }
            String comment = blankToNull(score.comment());
            if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
                return new ReviewDecision.Invalid(field + ".comment", "A comment must be at most "
                        + MAX_COMMENT_CHARS + " characters");
            }
            scores.add(new CallReviewed.ReviewedScore(criterion, score.score().intValueExact(), comment));
        }
        String note = blankToNull(request.note());
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            return new ReviewDecision.Invalid("note", "The note must be at most " + MAX_NOTE_CHARS + " characters");
        }
        if (scores.isEmpty() && note == null) {
            return new ReviewDecision.Invalid("scores", "A review needs at least one score or a note");
        }
        CallReviewed event = CallReviewed.of(record.callId(), record.orgId(),
                new CallReviewed.Reviewer(caller.userId(), caller.name()), at, scores, note);
        return new ReviewDecision.Accepted(event, CallReview.of(CallRecordMerge.apply(record, event)));
    }

    private static boolean isWholePointInRange(BigDecimal score) {
        return score != null && score.stripTrailingZeros().scale() <= 0 && score.compareTo(LOWEST) >= 0
                && score.compareTo(HIGHEST) <= 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
