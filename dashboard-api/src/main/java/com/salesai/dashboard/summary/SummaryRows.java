package com.salesai.dashboard.summary;

import java.util.List;

/**
 * Grouped rows folded from the per-day totals: a handful per rep, week or outcome, never one per call. Every
 * average is computed from (count, sum) rows or over non-null inputs only, so no aggregation depends on how
 * {@code $avg} treats missing values.
 */
record SummaryRows(List<RepStatusRow> repStatuses, List<ScoredRow> scoredByRep, List<AverageRow> talkRatioByRep,
                   List<CountRow> outcomes, List<CountRow> callsByWeek, List<ScoredRow> scoredByWeek,
                   List<ScoredRow> previousScoredByRep) {

    /** Calls per (rep, status), with the rep's name as recorded. */
    record RepStatusRow(String userId, String status, long calls, String repName) {
    }

    /** Scored calls per key (rep or week): how many and the sum of their scores. */
    record ScoredRow(String key, long scored, double scoreSum) {
    }

    record AverageRow(String key, double average) {
    }

    record CountRow(String key, long count) {
    }
}
