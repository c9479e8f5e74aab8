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
                    new Tally("alice", "evaluated", "won", "Alice", 2, 2, 150, 2, 1.0),
                    new Tally("bob", "pending", null, "Bob", 1, 0, 0, 0, 0))),
            new DayTotals("org|2026-10-05", 1, "org", "2026-10-05", List.of(
                    new Tally("alice", "evaluated", "lost", "Alice Martin", 1, 1, 30, 0, 0),
                    new Tally("bob", "evaluated", null, "Bob", 1, 0, 0, 1, 0.4))));

    @Test
    void aHeadSeesEveryRepFoldedPerRepStatusOutcomeAndWeek() {
        SummaryRows rows = SummaryTallies.rows(HEAD, DAYS, List.of());

        assertThat(rows.repStatuses()).containsExactlyInAnyOrder(
                new SummaryRows.RepStatusRow("alice", "evaluated", 3, "Alice Martin"),
                new SummaryRows.RepStatusRow("bob", "pending", 1, "Bob"),
                new SummaryRows.RepStatusRow("bob", "evaluated", 1, "Bob"));
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
        SummaryRows rows = SummaryTallies.rows(ALICE, DAYS, DAYS);

        assertThat(rows.repStatuses()).extracting(SummaryRows.RepStatusRow::userId).containsOnly("alice");
        assertThat(rows.talkRatioByRep()).containsExactly(new SummaryRows.AverageRow("alice", 0.5));
        assertThat(rows.callsByWeek()).containsExactly(new SummaryRows.CountRow("2026-09-28", 2),
                new SummaryRows.CountRow("2026-10-05", 1));
        assertThat(rows.previousScoredByRep()).containsExactly(new SummaryRows.ScoredRow("alice", 3, 180));
    }
}
