package com.salesai.dashboard.projection;

import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;

import java.time.Instant;
import java.util.List;

/**
 * What {@code CallAnalyzed} tells about a call; {@code overallScore}, {@code outcome} and {@code repTalkRatio} are
 * copied out of the evaluation/metrics so filters, sorts and aggregations use flat paths. {@code skipReason} (wire
 * spelling) is set when the call was not sent to the LLM by policy; {@code reviewFlags} such as
 * {@code possible_prompt_injection}. Boxed, like every field, so a partially loaded part (lists read only some
 * fields) and documents written before a field existed still map.
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
        Evaluation evaluation,
        String skipReason,
        List<String> reviewFlags,
        Boolean transcriptTruncated) {

    public AnalysisPart {
        reviewFlags = reviewFlags == null ? List.of() : List.copyOf(reviewFlags);
    }

    /** Not sent to the LLM by policy: a skip reason and no evaluation (a call evaluated anyway is evaluated). */
    boolean skipped() {
        return skipReason != null && evaluation == null;
    }
}
