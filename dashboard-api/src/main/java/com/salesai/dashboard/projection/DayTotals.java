package com.salesai.dashboard.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * The per-day aggregates of one {@link CallDay} (same {@code _id}), computed from it after each write and stamped
 * with the bucket revision they were computed from: summaries and list totals read these few small rows instead of
 * the calls. The same shape, in {@value #WEEKS}, adds up the seven days of a week ({@code day} = its Monday,
 * {@code revision} = the sum of the day revisions it saw), so a range reads its whole weeks as one document each.
 */
@Document(DayTotals.COLLECTION)
public record DayTotals(@Id String id, long revision, String orgId, String day, List<Tally> tallies) {

    public static final String COLLECTION = "call_day_totals";
    public static final String WEEKS = "call_week_totals";

    /**
     * The calls of the day with one (userId, status, outcome, attribution, team): how many, how many scored and the
     * sum of the scores that count (a reviewed call's effective score), how many with a talk ratio and its sum, the
     * greatest rep name recorded, and per criterion key how many of them scored it and the sum of its scores that
     * count (empty in totals written before criteria were tallied).
     */
    public record Tally(String userId, String status, String outcome, String attribution, String team,
                        String repName, long calls, long scored, long scoreSum, long talkRatios, double talkRatioSum,
                        List<CriterionTally> criteria) {
        public Tally {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }

    /** One criterion over a tally's calls: its greatest label recorded, how many scored it, the sum of the scores. */
    public record CriterionTally(String key, String label, long scored, long scoreSum) {
    }
}
