package com.salesai.dashboard.projection;

import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CallRecordMergeTest {

    static final Instant STARTED = Instant.parse("2026-11-02T10:00:00Z");
    static final Object RECORDED = TestEvents.recorded("c1", "org-1", "u1", "Alice", "Démo ACME", STARTED);
    static final Object ANALYZED = TestEvents.analyzed("c1", "org-1", "u1", 72, Outcome.ADVANCED, 0.55,
            STARTED.plusSeconds(7200));
    static final Object FAILED = TestEvents.failed("c1", "org-1", "u1", STARTED.plusSeconds(5000));
    /** Scored 4, 3, 2, 2, 5 on the five default criteria at equal weights: overall 55. */
    static final CallAnalyzed ON_FIVE = TestEvents.onFiveCriteria(TestEvents.analyzed("c1", "org-1", "u1", 55,
            Outcome.ADVANCED, 0.55, STARTED.plusSeconds(7200)), 55);
    static final Object REVIEWED = TestEvents.reviewed("c1", "org-1", "boss", STARTED.plusSeconds(90_000),
            "Bonne découverte", "value_proposition", 4);

    @Test
    void everyOrderOfRecordedAnalyzedFailedWithRedeliveriesEndsEvaluatedWithBothParts() {
        Set<CallRecord> finals = finalStates(List.of(RECORDED, ANALYZED, FAILED, RECORDED, ANALYZED, FAILED));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.status()).isEqualTo("evaluated");
        assertThat(record.orgId()).isEqualTo("org-1");
        assertThat(record.userId()).isEqualTo("u1");
        assertThat(record.recorded().title()).isEqualTo("Démo ACME");
        assertThat(record.recorded().weekStart()).isEqualTo("2026-11-02");
        assertThat(record.analysis().overallScore()).isEqualTo(72);
        assertThat(record.analysis().outcome()).isEqualTo("advanced");
        assertThat(record.analysis().repTalkRatio()).isEqualTo(0.55);
    }

    @Test
    void everyOrderOfRecordedAndFailedEndsFailedWithReason() {
        Set<CallRecord> finals = finalStates(List.of(RECORDED, FAILED, RECORDED, FAILED));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.status()).isEqualTo("failed");
        assertThat(record.failure().reason()).isEqualTo("OpenAI 429 after retries");
        assertThat(record.recorded().title()).isEqualTo("Démo ACME");
        assertThat(record.analysis()).isNull();
    }

    @Test
    void everyOrderOfAnalyzedAndFailedWithoutRecordingIsEvaluatedAndScoped() {
        Set<CallRecord> finals = finalStates(List.of(ANALYZED, FAILED, ANALYZED));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.status()).isEqualTo("evaluated");
        assertThat(record.recorded()).isNull();
        assertThat(record.orgId()).isEqualTo("org-1");
        assertThat(record.userId()).isEqualTo("u1");
    }

    @Test
    void recordedAloneIsPendingAndItsRedeliveryChangesNothing() {
        CallRecord once = CallRecordMerge.apply(null, RECORDED);
        assertThat(once.status()).isEqualTo("pending");
        assertThat(CallRecordMerge.apply(once, RECORDED)).isEqualTo(once);
    }

    @Test
    void lateRecordedNeverTurnsEvaluatedOrFailedBackToPending() {
        CallRecord evaluated = CallRecordMerge.apply(null, ANALYZED);
        CallRecord failed = CallRecordMerge.apply(null, FAILED);

        assertThat(CallRecordMerge.apply(evaluated, RECORDED).status()).isEqualTo("evaluated");
        assertThat(CallRecordMerge.apply(failed, RECORDED).status()).isEqualTo("failed");
    }

    @Test
    void analyzedAfterFailedWinsAndFailedAfterAnalyzedDoesNotRegress() {
        CallRecord failedFirst = CallRecordMerge.apply(CallRecordMerge.apply(null, FAILED), ANALYZED);
        CallRecord analyzedFirst = CallRecordMerge.apply(CallRecordMerge.apply(null, ANALYZED), FAILED);

        assertThat(failedFirst.status()).isEqualTo("evaluated");
        assertThat(analyzedFirst.status()).isEqualTo("evaluated");
    }

    @Test
    void newerAnalysisReplacesOlderOneInEitherOrder() {
        Object reanalyzed = TestEvents.analyzed("c1", "org-1", "u1", 90, Outcome.WON, 0.4, STARTED.plusSeconds(9000));
        CallRecord oldThenNew = CallRecordMerge.apply(CallRecordMerge.apply(null, ANALYZED), reanalyzed);
        CallRecord newThenOld = CallRecordMerge.apply(CallRecordMerge.apply(null, reanalyzed), ANALYZED);

        assertThat(oldThenNew).isEqualTo(newThenOld);
        assertThat(oldThenNew.analysis().overallScore()).isEqualTo(90);
    }

    @Test
    void everyOrderOfRecordedSkippedAndFailedWithRedeliveriesEndsSkippedWithItsReason() {
        Object skipped = TestEvents.skipped("c1", "org-1", "u1", SkipReason.INTERNAL_MEETING,
                STARTED.plusSeconds(7200));
        Set<CallRecord> finals = finalStates(List.of(RECORDED, skipped, FAILED, RECORDED, skipped));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.status()).isEqualTo("skipped");
        assertThat(record.analysis().skipReason()).isEqualTo("internal_meeting");
        assertThat(record.analysis().overallScore()).isNull();
        assertThat(record.recorded().title()).isEqualTo("Démo ACME");
    }

    @Test
    void aSkipReasonBesideAnEvaluationIsEvaluatedAndALaterAnalysisDecidesTheStatus() {
        CallAnalyzed evaluated = (CallAnalyzed) ANALYZED;
        CallAnalyzed both = new CallAnalyzed(1, evaluated.eventId(), evaluated.occurredAt(), "c1", "org-1", "u1",
                evaluated.mode(), evaluated.metrics(), evaluated.evaluation(), evaluated.model(), "v1",
                evaluated.tokenUsage(), evaluated.estimatedCostUsd(), false, evaluated.analyzedAt(),
                SkipReason.BUDGET_EXHAUSTED, List.of(), false, 1);
        Object skippedLater = TestEvents.skipped("c1", "org-1", "u1", SkipReason.BUDGET_EXHAUSTED,
                STARTED.plusSeconds(9000));

        assertThat(CallRecordMerge.apply(null, both).status()).isEqualTo("evaluated");
        assertThat(CallRecordMerge.apply(CallRecordMerge.apply(null, skippedLater), ANALYZED).status())
                .isEqualTo("skipped");
        assertThat(CallRecordMerge.apply(CallRecordMerge.apply(null, ANALYZED), skippedLater).status())
                .isEqualTo("skipped");
    }

    @Test
    void carriesAttributionTeamUrlHighlightsFlagsAndTruncation() {
        CallAnalyzed flagged = TestEvents.flagged((CallAnalyzed) ANALYZED, "possible_prompt_injection");
        CallAnalyzed truncated = new CallAnalyzed(1, flagged.eventId(), flagged.occurredAt(), "c1", "org-1", "u1",
                flagged.mode(), flagged.metrics(), flagged.evaluation(), flagged.model(), "v1", flagged.tokenUsage(),
                flagged.estimatedCostUsd(), true, flagged.analyzedAt(), null, flagged.reviewFlags(), true, 3);
        CallRecord record = CallRecordMerge.apply(CallRecordMerge.apply(null, TestEvents.recorded("c1", "org-1",
                "u1", "Alice", "Démo", STARTED, "Enterprise", Attribution.SHARED)), truncated);

        assertThat(record.recorded().attribution()).isEqualTo("shared");
        assertThat(record.recorded().team()).isEqualTo("Enterprise");
        assertThat(record.recorded().receivedBy()).isEqualTo("u1");
        assertThat(record.recorded().url()).isEqualTo("https://fathom.video/calls/c-c1");
        assertThat(record.recorded().meetingType()).isEqualTo("Sales call");
        assertThat(record.recorded().calendarInviteesDomainsType()).isEqualTo("one_or_more_external");
        assertThat(record.recorded().highlights()).extracting(Highlight::type).containsExactly("Objection");
        assertThat(record.analysis().reviewFlags()).containsExactly("possible_prompt_injection");
        assertThat(record.analysis().transcriptTruncated()).isTrue();
    }

    @Test
    void aRecordingWithoutAttributionIsCreditedToItsReceiverAsRecorder() {
        CallRecorded v1 = TestEvents.recorded("c1", "org-1", "u1", "Alice", "Démo", STARTED, null, null);
        assertThat(CallRecordMerge.apply(null, v1).recorded().attribution()).isEqualTo("recorder");
    }

    @Test
    void everyOrderOfRecordedAnalyzedAndReviewedWithRedeliveriesKeepsTheReviewAndItsEffectiveScore() {
        Set<CallRecord> finals = finalStates(List.of(RECORDED, ON_FIVE, REVIEWED, ON_FIVE, REVIEWED));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.status()).isEqualTo("evaluated");
        assertThat(record.review().reviewedBy().userId()).isEqualTo("boss");
        assertThat(record.review().note()).isEqualTo("Bonne découverte");
        // value_proposition 2 → 4: 100 × (3 + 2 + 3 + 1 + 4) / 20
        assertThat(record.effectiveScore()).isEqualTo(65);
        assertThat(record.analysis().overallScore()).as("the AI's stays").isEqualTo(55);
        assertThat(record.analysis().evaluation().scores().get(2).score()).isEqualTo(2);
    }

    @Test
    void eachCriterionCarriesItsScoreThatCountsTheReviewersWhereItScoresIt() {
        CallRecord record = CallRecordMerge.apply(CallRecordMerge.apply(null, ON_FIVE), REVIEWED);

        assertThat(record.criteria()).extracting(CriterionScore::key, CriterionScore::score).containsExactly(
                tuple("discovery", 4), tuple("active_listening", 3), tuple("value_proposition", 4),
                tuple("objection_handling", 2), tuple("next_steps", 5));
        assertThat(record.criteria().get(0).label()).isEqualTo("DISCOVERY");
        assertThat(CallRecordMerge.apply(null, ON_FIVE).criteria().get(2).score()).as("the AI's").isEqualTo(2);
        assertThat(CallRecordMerge.apply(null, FAILED).criteria()).isEmpty();
    }

    @Test
    void aNewerReviewReplacesAnOlderOneWholeInEitherOrder() {
        Object newer = TestEvents.reviewed("c1", "org-1", "ada", STARTED.plusSeconds(99_000), null, "discovery", 1);

        Set<CallRecord> finals = finalStates(List.of(ON_FIVE, REVIEWED, newer));

        assertThat(finals).hasSize(1);
        CallRecord record = finals.iterator().next();
        assertThat(record.review().reviewedBy().userId()).isEqualTo("ada");
        // discovery 4 → 1, value_proposition back to the AI's 2: 100 × (0 + 2 + 1 + 1 + 4) / 20
        assertThat(record.effectiveScore()).isEqualTo(40);
    }

    @Test
    void theEvaluationsWeightsCountAndMissingWeightsCountEqually() {
        CallAnalyzed base = TestEvents.analyzed("c1", "org-1", "u1", 58, Outcome.WON, 0.5, STARTED);
        CallRecord weighted = CallRecordMerge.apply(CallRecordMerge.apply(null,
                TestEvents.onFiveCriteria(base, 58, 2, 1, 1, 1, 1)), REVIEWED);
        CallRecord unweighted = CallRecordMerge.apply(CallRecordMerge.apply(null,
                TestEvents.onFiveCriteria(base, 55, 0, 0, 0, 0, 0)), REVIEWED);

        // 100 × (2×3 + 2 + 3 + 1 + 4) / (4 × 6) = 66.7
        assertThat(weighted.effectiveScore()).isEqualTo(67);
        assertThat(unweighted.effectiveScore()).isEqualTo(65);
    }

    @Test
    void withoutAReviewOrWithOneOfOtherCriteriaTheAiScoreCounts() {
        CallRecord analyzed = CallRecordMerge.apply(null, ANALYZED);
        Object otherScorecard = TestEvents.reviewed("c1", "org-1", "boss", STARTED.plusSeconds(90_000), null,
                "budget", 5);

        assertThat(analyzed.effectiveScore()).isEqualTo(72);
        assertThat(CallRecordMerge.apply(analyzed, otherScorecard).effectiveScore()).isEqualTo(72);
        assertThat(CallRecordMerge.apply(CallRecordMerge.apply(null, FAILED), REVIEWED).effectiveScore()).isNull();
    }

    @Test
    void aReviewAloneIsKeptScopedToItsOrganizationUntilItsCallArrives() {
        CallRecord reviewOnly = CallRecordMerge.apply(null, REVIEWED);

        assertThat(reviewOnly.orgId()).isEqualTo("org-1");
        assertThat(reviewOnly.userId()).isNull();
        assertThat(reviewOnly.status()).isEqualTo("pending");
        assertThat(reviewOnly.effectiveScore()).isNull();
        assertThat(CallRecordMerge.apply(reviewOnly, REVIEWED)).as("a redelivery changes nothing")
                .isEqualTo(reviewOnly);
    }

    @Test
    void keepsRevisionOfTheCurrentRecordForTheConditionalWrite() {
        CallRecord stored = CallRecordMerge.apply(null, RECORDED).withRevision(4);
        assertThat(CallRecordMerge.apply(stored, ANALYZED).revision()).isEqualTo(4);
    }

    private static Set<CallRecord> finalStates(List<Object> events) {
        Set<CallRecord> finals = new HashSet<>();
        for (List<Object> order : permutations(events)) {
            CallRecord record = null;
            for (Object event : order) {
                record = CallRecordMerge.apply(record, event);
            }
            finals.add(record);
        }
        return finals;
    }

    private static List<List<Object>> permutations(List<Object> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Object>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Object> rest = new ArrayList<>(items);
            Object head = rest.remove(i);
            for (List<Object> tail : permutations(rest)) {
                List<Object> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
