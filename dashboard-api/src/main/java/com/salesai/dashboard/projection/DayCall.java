package com.salesai.dashboard.projection;

import java.time.Instant;
import java.util.List;

/**
 * The slim copy of one call kept in its {@link CallDay} bucket: what a list item, a filter and the day's totals
 * need, nothing else. {@code callRevision} is the call record's revision it was copied from, so a stale copy never
 * overwrites a newer one. {@code effectiveScore} and {@code reviewed} are null in copies written before reviews
 * existed: see {@link #scoreThatCounts()}. {@code criteria} holds the score that counts of each criterion of an
 * evaluated call (empty otherwise); it is null in copies written before criteria were copied, which the start-up
 * build fills in ({@link DayBuckets#upsert}).
 */
public record DayCall(
        String callId,
        long callRevision,
        String userId,
        String status,
        String repName,
        String title,
        Instant startedAt,
        Integer durationSeconds,
        Integer externalInviteeCount,
        String source,
        Integer overallScore,
        String outcome,
        Double repTalkRatio,
        String attribution,
        String team,
        String skipReason,
        List<String> reviewFlags,
        Integer effectiveScore,
        Boolean reviewed,
        List<CriterionScore> criteria) {

    public DayCall {
        reviewFlags = reviewFlags == null ? List.of() : List.copyOf(reviewFlags);
        criteria = criteria == null ? null : List.copyOf(criteria);
    }

    /** The overall score averages, filters and sorts use: the reviewed one, else the AI's (all an older copy knows). */
    public Integer scoreThatCounts() {
        return effectiveScore != null ? effectiveScore : overallScore;
    }
}
