package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.DayTotals;
import com.salesai.dashboard.projection.DayTotals.Tally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTalliesTest {

    static final Caller HEAD = new Caller("boss", "org", Caller.Role.HEAD_OF_SALES, "Boss");
    static final Caller ALICE = new Caller("alice", "org", Caller.Role.MEMBER, "Alice");

    // 2026-10-04 is a Sunday (week of 09-28), 2026-10-05 a Monday.
    static final List<DayTotals> DAYS = List.of(
            new DayTotals("org|2026-10-04", 3, "org", "2026-10-04", List.of(
                    new Tally("alice", "evaluated", "won", "recorder", "SMB", "Alice", 2, 2, 150, 2, 1.0, List.of()),
                    new Tally("bob", "pending", null, "recorder", "Enterprise", "Bob", 1, 0, 0, 0, 0, List.of()))),
            new DayTotals("org|2026-10-05", 1, "org", "2026-10-05", List.of(
                    new Tally("alice", "evaluated", "lost", "recorder", "SMB", "Alice Martin", 1, 1, 30, 0, 0,
                            List.of()),
                    new Tally("bob", "evaluated", null, "recorder", "Enterprise", "Bob", 1, 0, 0, 1, 0.4, List.of()))));

    // Shared with alice (recorded outside the org, skipped) and alice's own skipped internal meeting.
    static final List<DayTotals> WITH_SHARED_AND_SKIPPED = List.of(DAYS.get(0), new DayTotals("org|2026-10-05", 2,
            "org", "2026-10-05", List.of(DAYS.get(1).tallies().get(0), DAYS.get(1).tallies().get(1),
            new Tally("alice", "evaluated", "won", "shared", null, "Carl Outsider", 1, 1, 100, 1, 0.9, List.of()),
            new Tally("alice", "skipped", null, "shared", null, "Carl Outsider", 2, 0, 0, 2, 1.8, List.of()),
            new Tally("alice", "skipped", null, "recorder", "SMB", "Alice", 1, 0, 0, 1, 0.1, List.of()))));

    @Test
    void aHeadSeesEveryRepFoldedPerRepStatusOutcomeAndWeek() {
        SummaryRows rows = SummaryTallies.rows(HEAD, null, DAYS, List.of());

        assertThat(rows.repStatuses()).containsExactlyInAnyOrder(
                new SummaryRows.RepStatusRow("alice", "evaluated", true, 3, "Alice Martin", "SMB"),
                new SummaryRows.RepStatusRow("bob", "pending", true, 1, "Bob", "Enterprise"),
                new SummaryRows.RepStatusRow("bob", "evaluated", true, 1, "Bob", "Enterprise"));
        assertThat(rows.scoredByRep()).containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
        assertThat(rows.talkRatioByRep()).containsExactly(new SummaryRows.AverageRow("alice", 0.5),
                new SummaryRows.AverageRow("bob", 0.4));
        assertThat(rows.outcomes()).containsExactly(new SummaryRows.CountRow("lost", 1),
                new SummaryRows.CountRow("won", 2));
        assertThat(rows.callsByWeek()).containsExactly(new SummaryRows.CountRow("2026-09-28", 3),
                new SummaryRows.CountRow("2026-10-05", 2));
        assertThat(rows.scoredByWeek()).containsExactly(new SummaryRows.ScoredRow("2026-09-28", 2, 150),
                new SummaryRows.ScoredRow("2026-10-05", 1, 30));
        assertThat(rows.previousScoredByRep()).isEmpty();
    }

    @Test
    void aMemberSeesOnlyTheirOwnTalliesInBothPeriods() {
        SummaryRows rows = SummaryTallies.rows(ALICE, null, DAYS, DAYS);

        assertThat(rows.repStatuses()).extracting(SummaryRows.RepStatusRow::userId).containsOnly("alice");
        assertThat(rows.talkRatioByRep()).containsExactly(new SummaryRows.AverageRow("alice", 0.5));
        assertThat(rows.callsByWeek()).containsExactly(new SummaryRows.CountRow("2026-09-28", 2),
                new SummaryRows.CountRow("2026-10-05", 1));
        assertThat(rows.previousScoredByRep()).containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
    }

    @Test
    void sharedCallsAreCountedButMakeNoRepStatisticsAndSkippedOnesNoTalkRatio() {
        SummaryRows rows = SummaryTallies.rows(HEAD, null, WITH_SHARED_AND_SKIPPED, WITH_SHARED_AND_SKIPPED);

        assertThat(rows.repStatuses()).contains(
                new SummaryRows.RepStatusRow("alice", "evaluated", false, 1, "Carl Outsider", null),
                new SummaryRows.RepStatusRow("alice", "skipped", false, 2, "Carl Outsider", null),
                new SummaryRows.RepStatusRow("alice", "skipped", true, 1, "Alice", "SMB"));
        assertThat(rows.scoredByRep()).containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
        assertThat(rows.previousScoredByRep()).containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
        assertThat(rows.talkRatioByRep()).containsExactly(new SummaryRows.AverageRow("alice", 0.5),
                new SummaryRows.AverageRow("bob", 0.4));
        assertThat(rows.outcomes()).containsExactly(new SummaryRows.CountRow("lost", 1),
                new SummaryRows.CountRow("won", 2));
        assertThat(rows.callsByWeek()).containsExactly(new SummaryRows.CountRow("2026-09-28", 3),
                new SummaryRows.CountRow("2026-10-05", 3));
    }

    @Test
    void aTeamFilterKeepsOnlyCallsRecordedInThatTeamInBothPeriods() {
        SummaryRows rows = SummaryTallies.rows(HEAD, "Enterprise", WITH_SHARED_AND_SKIPPED, DAYS);

        assertThat(rows.repStatuses()).containsExactlyInAnyOrder(
                new SummaryRows.RepStatusRow("bob", "pending", true, 1, "Bob", "Enterprise"),
                new SummaryRows.RepStatusRow("bob", "evaluated", true, 1, "Bob", "Enterprise"));
        assertThat(rows.scoredByRep()).isEmpty();
        assertThat(rows.previousScoredByRep()).isEmpty();
        assertThat(SummaryTallies.rows(HEAD, "SMB", DAYS, DAYS).previousScoredByRep())
                .containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
    }

    @Test
    void aMemberGetsTheOrganizationsCriteriaAsAggregatesButOnlyTheirOwnCriteriaAndTeams() {
        List<DayTotals.CriterionTally> alices = List.of(new DayTotals.CriterionTally("discovery", "Découverte", 2, 6),
                new DayTotals.CriterionTally("next_steps", null, 2, 4));
        List<DayTotals.CriterionTally> bobs = List.of(new DayTotals.CriterionTally("discovery", null, 1, 1));
        List<DayTotals> days = List.of(new DayTotals("org|2026-10-05", 1, "org", "2026-10-05", List.of(
                new Tally("alice", "evaluated", "won", "recorder", "SMB", "Alice", 2, 2, 150, 2, 1.0, alices),
                new Tally("bob", "evaluated", "won", "recorder", "Enterprise", "Bob", 1, 1, 20, 1, 0.5, bobs),
                new Tally("alice", "evaluated", "won", "shared", null, "Carl", 1, 1, 90, 1, 0.5, bobs))));

        SummaryRows rows = SummaryTallies.rows(ALICE, null, days, List.of());

        assertThat(rows.criteriaByRep()).containsExactly(
                new SummaryRows.CriterionRow("alice", "discovery", "Découverte", 2, 6),
                new SummaryRows.CriterionRow("alice", "next_steps", null, 2, 4));
        assertThat(rows.criteria()).extracting(SummaryRows.CriterionRow::userId).containsOnlyNulls();
        assertThat(rows.orgCriteria()).as("every rep's, the shared call's not").containsExactly(
                new SummaryRows.CriterionRow(null, "discovery", "Découverte", 3, 7),
                new SummaryRows.CriterionRow(null, "next_steps", null, 2, 4));
        assertThat(rows.teams()).containsExactly(new SummaryRows.TeamRow("SMB", 2, 2, 2, 150, 1));
        assertThat(SummaryTallies.rows(HEAD, "SMB", days, List.of()).teams()).as("whatever the team filter")
                .containsExactlyInAnyOrder(new SummaryRows.TeamRow("SMB", 2, 2, 2, 150, 1),
                        new SummaryRows.TeamRow("Enterprise", 1, 1, 1, 20, 1));
        assertThat(SummaryTallies.rows(HEAD, "SMB", days, List.of()).orgCriteria()).containsExactly(
                new SummaryRows.CriterionRow(null, "discovery", "Découverte", 2, 6),
                new SummaryRows.CriterionRow(null, "next_steps", null, 2, 4));
    }

    @Test
    void theWeakestCriterionIsTheLowestAverageTiesByKeyAndNoneWithoutScores() {
        assertThat(SummaryAssembler.weakest(List.of(new SummaryRows.CriterionRow("a", "value", "V", 2, 4),
                new SummaryRows.CriterionRow("a", "objection", "O", 1, 2),
                new SummaryRows.CriterionRow("a", "next", "N", 2, 6))))
                .isEqualTo(new DashboardSummary.WeakestCriterion("objection", "O", 2.0));
        assertThat(SummaryAssembler.weakest(List.of())).isNull();
    }
}
