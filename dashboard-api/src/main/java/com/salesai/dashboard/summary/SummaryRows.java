package com.salesai.dashboard.summary;

import java.util.List;

/**
 * Grouped rows folded from the per-day totals: a handful per rep, week or outcome, never one per call. Every
 * average is computed from (count, sum) rows or over non-null inputs only, so no aggregation depends on how
 * {@code $avg} treats missing values. {@code repStatuses} covers every call in scope; the other rows count only the
 * calls that make rep statistics: recorder calls (see {@link SummaryTallies}), evaluated ones for the talk ratio
 * and the criteria. {@code criteria} covers the caller's scope, {@code orgCriteria} the whole organization (both with
 * the team filter); {@code teams} the caller's scope whatever the team filter.
 */
record SummaryRows(List<RepStatusRow> repStatuses, List<ScoredRow> scoredByRep, List<AverageRow> talkRatioByRep,
                   List<CountRow> outcomes, List<CountRow> callsByWeek, List<ScoredRow> scoredByWeek,
                   List<ScoredRow> previousScoredByRep, List<CriterionRow> criteriaByRep, List<CriterionRow> criteria,
                   List<CriterionRow> orgCriteria, List<TeamRow> teams) {

    /**
     * Calls per (rep, status, recorder or not), with the greatest rep name and team recorded; {@code recorder} is
     * false for calls shared with the rep, which are counted but make no rep statistics.
     */
    record RepStatusRow(String userId, String status, boolean recorder, long calls, String repName, String team) {
    }

    /** Scored calls per key (rep or week): how many and the sum of their scores. */
    record ScoredRow(String key, long scored, double scoreSum) {
    }

    record AverageRow(String key, double average) {
    }

    record CountRow(String key, long count) {
    }

    /**
     * One criterion over evaluated calls (of one rep, or null for all of them): its greatest label, how many calls
     * scored it and the sum of its scores that count.
     */
    record CriterionRow(String userId, String key, String label, long scored, double scoreSum) {
    }

    /** One team's (null: no team) recorder calls: how many, how many evaluated and scored, their sum, how many reps. */
    record TeamRow(String team, long calls, long evaluatedCalls, long scored, double scoreSum, long reps) {
    }
}
