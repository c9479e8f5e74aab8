package com.salesai.dashboard.projection;

import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;

import java.time.Instant;

/**
 * What {@code CallAnalyzed} tells about a call; {@code overallScore}, {@code outcome} and {@code repTalkRatio} are
 * copied out of the evaluation/metrics so filters, sorts and aggregations use flat paths.
 */
public record AnalysisPart(
        Instant analyzedAt,
        String orgId,
        String userId,
        String mode,
        String model,
        String promptVersion,
        Integer overallScore,
        String outcome,
        Double repTalkRatio,
        ConversationMetrics metrics,
        Evaluation evaluation) {
}
