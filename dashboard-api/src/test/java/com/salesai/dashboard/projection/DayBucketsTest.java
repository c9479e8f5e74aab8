package com.salesai.dashboard.projection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DayBucketsTest {

    static final Instant NOON = Instant.parse("2026-10-05T12:00:00Z");

    static DayCall call(String callId, long revision, String userId, String status, Instant startedAt, Integer score,
                        String outcome, Double talk, String name) {
        return new DayCall(callId, revision, userId, status, name, "t", startedAt, 60, 1, "webhook", score, outcome,
                talk, "recorder", null, null, List.of(), score, false, List.of());
    }

    @Test
    void aCopyReplacesOnlyAnOlderCopyOfTheSameCall() {
        DayCall v2 = call("c1", 2, "u", "evaluated", NOON, 80, "won", 0.5, "A");
        DayCall v1 = call("c1", 1, "u", "pending", NOON, null, null, null, "A");
        DayCall v3 = call("c1", 3, "u", "evaluated", NOON, 90, "won", 0.5, "A");

        assertThat(DayBuckets.upsert(List.of(v2), List.of(v1))).containsExactly(v2);
        assertThat(DayBuckets.upsert(List.of(v2), List.of(v2))).containsExactly(v2);
        assertThat(DayBuckets.upsert(List.of(v2), List.of(v3))).containsExactly(v3);
    }

    @Test
    void callsAreKeptNewestFirstThenByCallId() {
        DayCall early = call("a", 1, "u", "pending", NOON.minusSeconds(60), null, null, null, "A");
        DayCall lateB = call("b", 1, "u", "pending", NOON, null, null, null, "A");
        DayCall lateA = call("a2", 1, "u", "pending", NOON, null, null, null, "A");

        List<DayCall> bucket = DayBuckets.upsert(List.of(early), List.of(lateB, lateA));

        assertThat(bucket).containsExactly(lateA, lateB, early);
        assertThat(DayBuckets.remove(bucket, "b")).containsExactly(lateA, early);
    }

    @Test
    void talliesGroupByRepStatusAndOutcomeCountingOnlyPresentScoresAndRatios() {
        List<DayCall> calls = List.of(
                call("1", 1, "alice", "evaluated", NOON, 80, "won", 0.5, "Alice"),
                call("2", 1, "alice", "evaluated", NOON, 60, "won", null, "Alice Martin"),
                call("3", 1, "alice", "evaluated", NOON, null, null, 0.25, "Alice"),
                call("4", 1, "bob", "failed", NOON, null, null, null, null));

        assertThat(DayBuckets.tally(calls)).containsExactlyInAnyOrder(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice Martin", 2, 2, 140, 1, 0.5,
                        List.of()),
                new DayTotals.Tally("alice", "evaluated", null, "recorder", null, "Alice", 1, 0, 0, 1, 0.25, List.of()),
                new DayTotals.Tally("bob", "failed", null, "recorder", null, null, 1, 0, 0, 0, 0, List.of()));
    }

    @Test
    void aReviewedCallIsTalliedWithItsEffectiveScoreAndACopyFromBeforeReviewsWithItsAiScore() {
        DayCall reviewed = new DayCall("1", 2, "alice", "evaluated", "Alice", "t", NOON, 60, 1, "webhook", 80, "won",
                0.5, "recorder", null, null, List.of(), 55, true, List.of());
        DayCall older = new DayCall("2", 1, "alice", "evaluated", "Alice", "t", NOON, 60, 1, "webhook", 70, "won",
                0.5, "recorder", null, null, List.of(), null, null, null);

        assertThat(older.scoreThatCounts()).isEqualTo(70);
        assertThat(DayBuckets.tally(List.of(reviewed, older))).containsExactly(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice", 2, 2, 125, 2, 1.0,
                        List.of()));
    }

    @Test
    void talliesAddUpEachCriterionsScoresThatCountPerKey() {
        DayCall first = withCriteria(call("1", 1, "alice", "evaluated", NOON, 80, "won", 0.5, "Alice"),
                new CriterionScore("discovery", "Découverte", 4), new CriterionScore("next_steps", null, 2));
        DayCall second = withCriteria(call("2", 1, "alice", "evaluated", NOON, 60, "won", 0.5, "Alice"),
                new CriterionScore("next_steps", "Prochaines étapes", 5));
        DayCall fromBeforeCriteria = withCriteria(call("3", 1, "alice", "evaluated", NOON, 70, "won", 0.5, "Alice"),
                (CriterionScore[]) null);

        List<DayTotals.Tally> tallies = DayBuckets.tally(List.of(first, second, fromBeforeCriteria));

        assertThat(tallies).hasSize(1);
        assertThat(tallies.get(0).criteria()).containsExactly(
                new DayTotals.CriterionTally("discovery", "Découverte", 1, 4),
                new DayTotals.CriterionTally("next_steps", "Prochaines étapes", 2, 7));
    }

    @Test
    void aCopyOfTheSameRevisionFillsInTheCriteriaACopyFromBeforeThemLacks() {
        DayCall legacy = withCriteria(call("c1", 2, "u", "evaluated", NOON, 80, "won", 0.5, "A"),
                (CriterionScore[]) null);
        DayCall filled = withCriteria(legacy, new CriterionScore("discovery", null, 3));

        assertThat(DayBuckets.upsert(List.of(legacy), List.of(filled))).containsExactly(filled);
        assertThat(DayBuckets.upsert(List.of(filled), List.of(legacy))).containsExactly(filled);
        assertThat(DayBuckets.upsert(List.of(filled), List.of(withCriteria(legacy)))).containsExactly(filled);
    }

    private static DayCall withCriteria(DayCall c, CriterionScore... criteria) {
        return new DayCall(c.callId(), c.callRevision(), c.userId(), c.status(), c.repName(), c.title(),
                c.startedAt(), c.durationSeconds(), c.externalInviteeCount(), c.source(), c.overallScore(),
                c.outcome(), c.repTalkRatio(), c.attribution(), c.team(), c.skipReason(), c.reviewFlags(),
                c.effectiveScore(), c.reviewed(), criteria == null ? null : List.of(criteria));
    }

    @Test
    void talliesKeepSharedCallsAndTeamsApart() {
        DayCall recorded = call("1", 1, "alice", "evaluated", NOON, 80, "won", 0.5, "Alice");
        DayCall shared = new DayCall("2", 1, "alice", "evaluated", "Carl", "t", NOON, 60, 1, "webhook", 60, "won",
                0.5, "shared", null, null, List.of(), 60, false, List.of());
        DayCall inTeam = new DayCall("3", 1, "alice", "evaluated", "Alice", "t", NOON, 60, 1, "webhook", 40, "won",
                0.5, "recorder", "SMB", null, List.of("possible_prompt_injection"), 40, false, List.of());

        assertThat(DayBuckets.tally(List.of(recorded, shared, inTeam))).containsExactly(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice", 1, 1, 80, 1, 0.5,
                        List.of()),
                new DayTotals.Tally("alice", "evaluated", "won", "shared", null, "Carl", 1, 1, 60, 1, 0.5, List.of()),
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", "SMB", "Alice", 1, 1, 40, 1, 0.5,
                        List.of()));
    }

    @Test
    void aRecordBelongsToTheOrgDayOfItsStartInUtcAndToNoneBeforeItIsRecorded() {
        RecordedPart recorded = new RecordedPart(NOON, "org", "u", "A", null, "t",
                Instant.parse("2026-10-05T23:59:59Z"), "2026-10-05", 60, "webhook", 1, null, "fr", List.of(),
                List.of(), null, List.of(), "Enterprise", "shared", "u2", null, null, null, List.of(), null);
        CallRecord withStart = new CallRecord("c", 1, "org", "u", "pending", null, List.of(), recorded, null, null,
                null);
        CallRecord analysisOnly = new CallRecord("c", 1, "org", "u", "evaluated", null, null, null, null, null, null);

        assertThat(DayBuckets.keyOf(withStart)).isEqualTo(DayBuckets.key("org", LocalDate.parse("2026-10-05")))
                .isEqualTo("org|2026-10-05");
        assertThat(DayBuckets.keyOf(analysisOnly)).isNull();
        assertThat(DayBuckets.slim(withStart)).isEqualTo(new DayCall("c", 1, "u", "pending", "A", "t",
                recorded.startedAt(), 60, 1, "webhook", null, null, null, "shared", "Enterprise", null, List.of(), null,
                false, List.of()));
    }

    @Test
    void aRangeIsCoveredByItsWholeWeeksAndTheDaysLeftAtItsEnds() {
        // 2026-09-30 is a Wednesday; weeks of 10-05 and 10-12 are whole, 10-19 is a Monday left alone
        assertThat(DayBuckets.totalsKeys("org", LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-19")))
                .isEqualTo(new DayBuckets.TotalsKeys(List.of("org|2026-10-03", "org|2026-10-04", "org|2026-10-19"),
                        List.of("org|week|2026-10-05", "org|week|2026-10-12")));
        assertThat(DayBuckets.totalsKeys("org", LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-06")))
                .isEqualTo(new DayBuckets.TotalsKeys(List.of("org|2026-10-06"), List.of()));
    }

    @Test
    void aWeekAddsUpTheTalliesOfItsDays() {
        DayTotals monday = new DayTotals("org|2026-10-05", 2, "org", "2026-10-05", List.of(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice", 2, 2, 150, 1, 0.5,
                        List.of())));
        DayTotals tuesday = new DayTotals("org|2026-10-06", 1, "org", "2026-10-06", List.of(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice Martin", 1, 1, 30, 1, 0.25,
                        List.of()),
                new DayTotals.Tally("bob", "pending", null, "recorder", null, "Bob", 1, 0, 0, 0, 0, List.of())));

        assertThat(DayBuckets.addUp(List.of(tuesday, monday))).containsExactly(
                new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice Martin", 3, 3, 180, 2,
                        0.75, List.of()),
                new DayTotals.Tally("bob", "pending", null, "recorder", null, "Bob", 1, 0, 0, 0, 0, List.of()));
    }
}
