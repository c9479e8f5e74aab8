package com.salesai.dashboard.summary;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.ReadModelSeed;
import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallProjection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The summary from per-day totals equals the summary from the former aggregations over {@code call_records}. */
@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryDaysPathTest {

    static final String ORG = "org-summary-days";
    static final LocalDate END = LocalDate.parse("2026-10-31");

    @Autowired
    CallProjection projection;
    @Autowired
    SummaryDays days;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    void seed() {
        ReadModelSeed.seed(projection, ORG, 250, END, 21);
        ReadModelSeed.seed(projection, "org-summary-days-other", 60, END, 22);
    }

    @Test
    void everyRangeScopeAndTeamSummarizesAsTheAggregations() {
        RecordAggregations reference = new RecordAggregations(mongo);
        List<Caller> callers = List.of(new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss"),
                new Caller("rep-3", ORG, Caller.Role.MEMBER, "Rep 3"),
                new Caller("nobody", ORG, Caller.Role.MEMBER, "Nobody"));
        List<SummaryRange> ranges = List.of(SummaryRange.parse(null, null, END),
                SummaryRange.parse("2026-08-03", "2026-10-31", END),
                SummaryRange.parse("2026-09-10", "2026-09-10", END),
                SummaryRange.parse("2025-11-01", "2026-10-31", END));
        long shared = 0;
        for (Caller caller : callers) {
            for (SummaryRange range : ranges) {
                for (String team : ReadModelSeed.TEAMS) {
                    DashboardSummary actual = compare(reference, caller, range, team);
                    shared += actual.totalCalls()
                            - actual.weekly().stream().mapToLong(DashboardSummary.WeekRow::calls).sum();
                }
            }
        }
        DashboardSummary wide = SummaryAssembler.assemble(ranges.get(1), days.load(callers.get(0), ranges.get(1),
                null), null);
        assertThat(wide.totalCalls()).isGreaterThan(120);
        assertThat(wide.teams()).extracting(DashboardSummary.TeamRow::team)
                .containsExactly("Enterprise", "SMB", null);
        assertThat(wide.reps()).allSatisfy(rep -> assertThat(rep.weakestCriterion()).isNotNull());
        assertThat(wide.criteria()).extracting(DashboardSummary.CriterionRow::key).containsExactly("active_listening",
                "discovery", "next_steps", "objection_handling", "value_proposition");
        assertThat(wide.skippedCalls()).as("the seed has skipped calls").isPositive();
        assertThat(shared).as("the seed has shared calls, in the totals only").isPositive();
    }

    private DashboardSummary compare(RecordAggregations reference, Caller caller, SummaryRange range, String team) {
        DashboardSummary expected = SummaryAssembler.assemble(range, reference.load(caller, range, team), null);
        DashboardSummary actual = SummaryAssembler.assemble(range, days.load(caller, range, team), null);
        String what = caller.userId() + " " + range + " " + team;
        assertThat(actual).as(what).usingRecursiveComparison()
                .ignoringFields("reps.averageTalkRatio", "reps.scoreChange", "averageScore",
                        "reps.averageScore", "weekly.averageScore")
                .isEqualTo(expected);
        assertThat(actual.averageScore()).as(what).isEqualTo(expected.averageScore());
        for (int i = 0; i < expected.reps().size(); i++) {
            var want = expected.reps().get(i);
            var got = actual.reps().get(i);
            assertThat(got.averageScore()).as(what).isEqualTo(want.averageScore());
            assertThat(got.scoreChange()).as(what).isEqualTo(want.scoreChange());
            // a sum of per-day sums: equal up to floating-point rounding
            if (want.averageTalkRatio() == null) {
                assertThat(got.averageTalkRatio()).as(what).isNull();
            } else {
                assertThat(got.averageTalkRatio()).as(what).isCloseTo(want.averageTalkRatio(), within(1e-9));
            }
        }
        assertThat(actual.weekly()).as(what).isEqualTo(expected.weekly());
        return actual;
    }
}
