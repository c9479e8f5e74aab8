package com.salesai.dashboard.review;

import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.CallRecordMerge;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewPolicyTest {

    static final Instant AT = Instant.parse("2026-11-04T09:00:00Z");
    static final Caller HEAD = new Caller("hugo", "org-1", Caller.Role.HEAD_OF_SALES, "Hugo Bernard");
    static final Caller ADMIN = new Caller("ada", "org-1", Caller.Role.ADMIN, "Ada");
    static final Caller ALICE = new Caller("alice", "org-1", Caller.Role.MEMBER, "Alice");
    static final Caller BRUNO = new Caller("bruno", "org-1", Caller.Role.MEMBER, "Bruno");
    static final Caller OLGA = new Caller("olga", "org-globex", Caller.Role.HEAD_OF_SALES, "Olga");
    /** Alice's call, scored 4, 3, 2, 2, 5 on the five default criteria: overall 55. */
    static final CallRecord EVALUATED = CallRecordMerge.apply(
            CallRecordMerge.apply(null, TestEvents.recorded("c1", "org-1", "alice", "Alice", "Démo", AT)),
            TestEvents.onFiveCriteria(TestEvents.analyzed("c1", "org-1", "alice", 55, Outcome.WON, 0.5, AT), 55));

    static ReviewRequest request(String note, ReviewRequest.Score... scores) {
        return new ReviewRequest(Arrays.asList(scores), note);
    }

    static ReviewRequest.Score score(String criterion, String score, String comment) {
        return new ReviewRequest.Score(criterion, score == null ? null : new BigDecimal(score), comment);
    }

    @Test
    void aHeadOfSalesOrAnAdminReviewsAndSeesTheEffectiveScoreTheCallWillShow() {
        ReviewDecision decision = ReviewPolicy.decide(HEAD, EVALUATED,
                request("  Creusez le budget  ", score(" value_proposition ", "4", "Bien chiffré"),
                        score("next_steps", "5.0", " ")), AT);

        assertThat(decision).isInstanceOf(ReviewDecision.Accepted.class);
        var accepted = (ReviewDecision.Accepted) decision;
        assertThat(accepted.event().reviewedBy()).isEqualTo(new CallReviewed.Reviewer("hugo", "Hugo Bernard"));
        assertThat(accepted.event().orgId()).isEqualTo("org-1");
        assertThat(accepted.event().scores()).containsExactly(
                new CallReviewed.ReviewedScore("value_proposition", 4, "Bien chiffré"),
                new CallReviewed.ReviewedScore("next_steps", 5, null));
        assertThat(accepted.event().note()).isEqualTo("Creusez le budget");
        assertThat(accepted.review().effectiveScore()).isEqualTo(65);
        assertThat(accepted.review().at()).isEqualTo(AT);
        assertThat(ReviewPolicy.decide(ADMIN, EVALUATED, request("ok"), AT))
                .isInstanceOf(ReviewDecision.Accepted.class);
    }

    @Test
    void aMemberMayNotReviewTheirOwnCallAndDoesNotLearnOfOthers() {
        assertThat(ReviewPolicy.decide(ALICE, EVALUATED, request("moi"), AT))
                .isInstanceOf(ReviewDecision.Forbidden.class);
        assertThat(ReviewPolicy.decide(BRUNO, EVALUATED, request("lui"), AT)).isInstanceOf(ReviewDecision.Hidden.class);
    }

    @Test
    void anotherOrganizationsOrAnUnknownCallIsHidden() {
        assertThat(ReviewPolicy.decide(OLGA, EVALUATED, request("x"), AT)).isInstanceOf(ReviewDecision.Hidden.class);
        assertThat(ReviewPolicy.decide(HEAD, null, request("x"), AT)).isInstanceOf(ReviewDecision.Hidden.class);
    }

    @Test
    void aCallWithoutAnEvaluationCannotBeReviewed() {
        CallRecord pending = CallRecordMerge.apply(null, TestEvents.recorded("c2", "org-1", "alice", "A", "t", AT));
        CallRecord skipped = CallRecordMerge.apply(pending, TestEvents.skipped("c2", "org-1", "alice",
                SkipReason.INTERNAL_MEETING, AT));

        assertThat(ReviewPolicy.decide(HEAD, pending, request("x"), AT))
                .isEqualTo(new ReviewDecision.NotEvaluated("pending"));
        assertThat(ReviewPolicy.decide(HEAD, skipped, request("x"), AT))
                .isEqualTo(new ReviewDecision.NotEvaluated("skipped"));
    }

    @Test
    void eachInvalidPartIsNamed() {
        assertInvalid(request(null, score("budget", "3", null)), "scores[0].criterion");
        assertInvalid(request(null, score("discovery", "3", null), score(null, "3", null)), "scores[1].criterion");
        assertInvalid(request(null, score("discovery", "3", null), score("discovery", "4", null)),
                "scores[1].criterion");
        assertInvalid(request(null, score("discovery", "0", null)), "scores[0].score");
        assertInvalid(request(null, score("discovery", "6", null)), "scores[0].score");
        assertInvalid(request(null, score("discovery", "2.5", null)), "scores[0].score");
        assertInvalid(request(null, score("discovery", null, null)), "scores[0].score");
        assertInvalid(request(null, score("discovery", "3", "x".repeat(ReviewPolicy.MAX_COMMENT_CHARS + 1))),
                "scores[0].comment");
        assertInvalid(request("x".repeat(ReviewPolicy.MAX_NOTE_CHARS + 1)), "note");
        assertInvalid(request(" "), "scores");
        assertInvalid(new ReviewRequest(null, null), "scores");
        assertThat(ReviewPolicy.decide(HEAD, EVALUATED, request(null, score("discovery", "3",
                "x".repeat(ReviewPolicy.MAX_COMMENT_CHARS))), AT)).isInstanceOf(ReviewDecision.Accepted.class);
    }

    private static void assertInvalid(ReviewRequest request, String field) {
        ReviewDecision decision = ReviewPolicy.decide(HEAD, EVALUATED, request, AT);
        assertThat(decision).isInstanceOf(ReviewDecision.Invalid.class);
        assertThat(((ReviewDecision.Invalid) decision).field()).isEqualTo(field);
    }

    @Test
    void theCriteriaNamedAreTheOnesOfTheCallsEvaluation() {
        var invalid = (ReviewDecision.Invalid) ReviewPolicy.decide(HEAD, EVALUATED,
                request(null, score("budget", "3", null)), AT);

        assertThat(invalid.detail()).contains("discovery, active_listening, value_proposition, objection_handling, "
                + "next_steps");
    }
}
