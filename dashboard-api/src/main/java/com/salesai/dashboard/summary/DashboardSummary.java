package com.salesai.dashboard.summary;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Dashboard figures for calls started in [from, to] (whole UTC days, inclusive). {@code totalCalls},
 * {@code evaluatedCalls} and {@code skippedCalls} count every call in scope, shared ones included; the average score,
 * outcomes, the reps table and the weekly series count only calls the rep recorded, and scores only exist on
 * evaluated calls. Averages are null when nothing was scored. {@code scoreChange} is the rep's average score minus
 * their average in the previous period of the same length (null when either period has no scored call).
 */
@Schema(description = "Dashboard summary for a date range")
public record DashboardSummary(
        LocalDate from,
        LocalDate to,
        @Schema(description = "every call in scope, shared calls included") long totalCalls,
        long evaluatedCalls,
        @Schema(description = "calls not sent to the LLM by policy (no transcript, internal meeting, ...)")
        long skippedCalls,
        @Schema(description = "over evaluated calls the rep recorded") Double averageScore,
        @Schema(description = "outcome → number of calls, e.g. {\"won\": 3}") Map<String, Long> outcomes,
        @Schema(description = "calls each rep recorded; calls shared with them are not rep statistics")
        List<RepRow> reps,
        @Schema(description = "one entry per ISO week (Monday, UTC) overlapping the range, empty weeks included")
        List<WeekRow> weekly) {

    public record RepRow(String userId, String name,
                         @Schema(description = "the Fathom team on the rep's calls (the greatest name if several)")
                         String team,
                         long calls, Double averageScore,
                         @Schema(description = "0..1, the rep's share of talk time, over evaluated calls")
                         Double averageTalkRatio,
                         Double scoreChange) {
    }

    public record WeekRow(LocalDate weekStart, long calls, Double averageScore) {
    }
}
