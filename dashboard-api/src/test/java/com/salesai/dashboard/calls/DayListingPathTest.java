package com.salesai.dashboard.calls;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.ReadModelSeed;
import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.dashboard.projection.DayBucketStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The day-bucket list answers exactly what the {@code call_records} query answers, page for page. */
@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayListingPathTest {

    static final String ORG = "org-listing";
    static final LocalDate END = LocalDate.parse("2026-10-31");

    @Autowired
    CallProjection projection;
    @Autowired
    CallQueries queries;
    @Autowired
    DayBucketStore store;

    @BeforeAll
    void seed() {
        ReadModelSeed.seed(projection, ORG, 250, END, 11);
        ReadModelSeed.seed(projection, "org-listing-other", 60, END, 12);
    }

    @Test
    void everyFilterSortAndPageAnswersAsTheRecordQuery() {
        Caller head = new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss");
        Caller member = new Caller("rep-2", ORG, Caller.Role.MEMBER, "Rep 2");
        List<String[]> windows = List.of(
                new String[]{"2026-08-03", "2026-10-31"},
                new String[]{"2026-10-01", "2026-10-07"},
                new String[]{"2026-09-15T10:30:00Z", "2026-10-02T17:00:00Z"},
                new String[]{"2025-11-01", "2026-10-31"});
        String[] statuses = {null, "evaluated", "failed"};
        String[] outcomes = {null, "won"};
        String[] sorts = {null, "startedAt,asc"};
        int compared = 0;
        for (Caller caller : List.of(head, member)) {
            for (String[] window : windows) {
                for (String status : statuses) {
                    for (String outcome : outcomes) {
                        for (String sort : sorts) {
                            for (String page : new String[]{"0", "3"}) {
                                compare(caller, CallListQueryTest.parse("status", status, "outcome", outcome,
                                        "from", window[0], "to", window[1], "sort", sort, "page", page,
                                        "size", "7"));
                                compared++;
                            }
                        }
                    }
                }
                compare(caller, CallListQueryTest.parse("userId", "rep-1", "from", window[0], "to", window[1],
                        "minScore", "50", "page", "1", "size", "5"));
            }
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void aScoreSortedWindowCountedFromTheTotalsAnswersAsTheRecordQuery() {
        Caller head = new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss");
        Caller member = new Caller("rep-2", ORG, Caller.Role.MEMBER, "Rep 2");
        int counted = 0;
        for (Caller caller : List.of(head, member)) {
            for (String status : new String[]{null, "evaluated"}) {
                for (String outcome : new String[]{null, "won"}) {
                    for (String sort : new String[]{"overallScore,desc", "effectiveScore,asc"}) {
                        CallListQuery q = CallListQueryTest.parse("status", status, "outcome", outcome,
                                "from", "2026-08-03", "to", "2026-10-31", "sort", sort, "page", "1", "size", "7");
                        assertThat(DayListing.countsFromTotals(q)).isTrue();
                        CallPage expected = queries.listRecords(caller, q);
                        assertThat(queries.list(caller, q)).as("%s for %s", q, caller.role()).isEqualTo(expected);
                        counted += expected.totalItems() > 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(counted).isGreaterThan(8);
        assertThat(DayListing.countsFromTotals(CallListQueryTest.parse("from", "2026-08-03", "to", "2026-10-31",
                "sort", "overallScore,desc", "minScore", "50"))).isFalse();
        assertThat(DayListing.countsFromTotals(CallListQueryTest.parse("from", "2026-08-03", "to", "2026-10-31",
                "q", "budget"))).isFalse();
        assertThat(DayListing.countsFromTotals(CallListQueryTest.parse("sort", "overallScore,desc"))).isFalse();
    }

    @Test
    void theV2FiltersAnswerAsTheRecordQuery() {
        Caller head = new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss");
        Caller member = new Caller("rep-2", ORG, Caller.Role.MEMBER, "Rep 2");
        List<String[]> filters = List.of(new String[]{"status", "skipped"}, new String[]{"attribution", "shared"},
                new String[]{"attribution", "recorder", "team", "Enterprise"}, new String[]{"team", "SMB"},
                new String[]{"reviewFlag", "possible_prompt_injection"},
                new String[]{"reviewFlag", "possible_prompt_injection", "status", "evaluated", "team", "SMB"});
        int nonEmpty = 0;
        for (Caller caller : List.of(head, member)) {
            for (String[] window : new String[][]{{"2026-08-03", "2026-10-31"},
                    {"2026-09-15T10:30:00Z", "2026-10-02T17:00:00Z"}}) {
                for (String[] filter : filters) {
                    for (String sort : new String[]{null, "startedAt,asc"}) {
                        for (String page : new String[]{"0", "1"}) {
                            List<String> params = new ArrayList<>(List.of(filter));
                            params.addAll(Arrays.asList("from", window[0], "to", window[1], "sort", sort, "page", page,
                                    "size", "6"));
                            CallListQuery q = CallListQueryTest.parse(params.toArray(String[]::new));
                            compare(caller, q);
                            nonEmpty += queries.listRecords(caller, q).items().isEmpty() ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(nonEmpty).as("the seed has calls matching the filters").isGreaterThan(25);
    }

    @Test
    void aDatedWindowByStartIsReadFromBucketsAndTextSearchOrScoreSortsFromRecords() {
        assertThat(DayListing.applies(CallListQueryTest.parse("from", "2026-10-01", "to", "2026-10-07"))).isTrue();
        assertThat(DayListing.applies(CallListQueryTest.parse("from", "2026-10-01", "to", "2026-10-07",
                "sort", "startedAt,asc"))).isTrue();
        assertThat(DayListing.applies(CallListQueryTest.parse("from", "2026-10-01", "to", "2026-10-07",
                "sort", "overallScore,desc"))).isFalse();
        assertThat(DayListing.applies(CallListQueryTest.parse("from", "2026-10-01", "to", "2026-10-07",
                "sort", "effectiveScore,asc"))).isFalse();
        assertThat(DayListing.applies(CallListQueryTest.parse("from", "2026-10-01", "to", "2026-10-07",
                "q", "demo"))).isFalse();
        assertThat(DayListing.applies(CallListQueryTest.parse())).isFalse();
    }

    @Test
    void aFirstPageByStartReadsOnlyTheNewestWeekOfBuckets() {
        Caller head = new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss");
        CallListQuery q = CallListQueryTest.parse("from", "2026-08-03", "to", "2026-10-31", "page", "0", "size", "5");
        List<String> read = new ArrayList<>();
        CallPage page = DayListing.page(head, q, keys -> {
            read.addAll(keys);
            return store.days(ORG, keys);
        }, store::totals);

        assertThat(page.items()).hasSize(5);
        assertThat(page.totalItems()).isGreaterThan(80);
        assertThat(read).hasSize(DayListing.CHUNK_DAYS).first().isEqualTo(ORG + "|2026-10-31");
    }

    private void compare(Caller caller, CallListQuery q) {
        CallPage expected = queries.listRecords(caller, q);
        CallPage actual = DayListing.page(caller, q, keys -> store.days(ORG, keys), store::totals);
        assertThat(actual).as("%s for %s", q, caller.role()).isEqualTo(expected);
    }
}
