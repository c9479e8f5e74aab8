package com.salesai.dashboard.summary;

import com.salesai.schema.events.CallReviewed;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Dashboard figures for calls started in [from, to] (whole UTC days, inclusive). {@code totalCalls},
 * {@code evaluatedCalls} and {@code skippedCalls} count every call in scope, shared ones included; the average score,
 * outcomes, the reps table and the weekly series count only calls the rep recorded, and scores only exist on
 * evaluated calls. Averages are null when nothing was scored. {@code scoreChange} is the rep's average score minus
 * their average in the previous period of the same length (null when either period has no scored call). Criterion
 * averages (1–5) count each criterion's score that counts: a reviewer's where they scored it, else the AI's.
 * {@code teams}, {@code criteria} and {@code lastReview} serve the team comparison and a rep's own view: a member
 * sees their own figures beside the organization's averages, never another rep's name, row or call.
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
        List<WeekRow> weekly,
        @Schema(description = "every team of the caller's scope with calls in the range, whatever the team filter "
                + "(the filter's choices and the comparison of teams), by name, the calls of no team last")
        List<TeamRow> teams,
        @Schema(description = "each criterion scored on evaluated calls in the range (with the team filter), by key: "
                + "the caller's average beside the organization's")
        List<CriterionRow> criteria,
        @Schema(description = "the latest review of a call credited to the caller (any date), null if none",
                nullable = true)
        LastReview lastReview) {

    public record RepRow(String userId, String name,
                         @Schema(description = "the Fathom team on the rep's calls (the greatest name if several)")
                         String team,
                         long calls, Double averageScore,
                         @Schema(description = "0..1, the rep's share of talk time, over evaluated calls")
                         Double averageTalkRatio,
                         Double scoreChange,
                         @Schema(description = "the criterion with the lowest average over the rep's evaluated calls "
                                 + "in the range (ties: the smallest key); null without an evaluated call",
                                 nullable = true)
                         WeakestCriterion weakestCriterion) {
    }

    @Schema(description = "A criterion by its key in the scorecard (an org's scorecard has its own keys)")
    public record WeakestCriterion(@Schema(example = "objection_handling") String key,
                                   @Schema(description = "as the evaluations label it, null if they did not",
                                           nullable = true) String label,
                                   @Schema(description = "1..5") double averageScore) {
    }

    public record WeekRow(LocalDate weekStart, long calls, Double averageScore) {
    }

    @Schema(description = "One team's calls: those its reps recorded, as the reps table counts them")
    public record TeamRow(@Schema(description = "the Fathom team; null for calls of no team", nullable = true)
                          String team,
                          long calls, long evaluatedCalls,
                          @Schema(description = "over the team's scored calls, null if none") Double averageScore,
                          @Schema(description = "how many reps recorded calls for the team") long reps) {
    }

    public record CriterionRow(@Schema(example = "discovery") String key,
                               @Schema(nullable = true) String label,
                               @Schema(description = "1..5, over the caller's scope (a member: their own calls), "
                                       + "null if they have none scored on it") Double averageScore,
                               @Schema(description = "1..5, over the whole organization's calls, every rep's")
                               Double orgAverageScore) {
    }

    @Schema(description = "A manager's latest review of one of the caller's calls")
    public record LastReview(String callId, String title,
                             @Schema(description = "who reviewed: userId and name") CallReviewed.Reviewer by,
                             Instant at,
                             @Schema(nullable = true) String note) {
    }
}
