package com.salesai.dashboard.summary;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Dashboard figures for calls started in [from, to] (whole UTC days, inclusive). Averages are null when nothing
 * was scored. {@code scoreChange} is the rep's average score minus their average in the previous period of the
 * same length (null when either period has no scored call).
 */
@Schema(description = "Dashboard summary for a date range")
public record DashboardSummary(
        LocalDate from,
        LocalDate to,
        long totalCalls,
        long evaluatedCalls,
        Double averageScore,
        @Schema(description = "outcome → number of calls, e.g. {\"won\": 3}") Map<String, Long> outcomes,
        List<RepRow> reps,
        @Schema(description = "one entry per ISO week (Monday, UTC) overlapping the range, empty weeks included")
        List<WeekRow> weekly) {

    public record RepRow(String userId, String name, long calls, Double averageScore,
                         @Schema(description = "0..1, the rep's share of talk time") Double averageTalkRatio,
                         Double scoreChange) {
    }

    public record WeekRow(LocalDate weekStart, long calls, Double averageScore) {
    }
}
