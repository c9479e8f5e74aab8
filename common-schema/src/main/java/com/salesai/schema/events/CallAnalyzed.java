package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The analysis of one call. Key: {@code callId}. {@code evaluation} is null in {@link AnalysisMode#METRICS_ONLY}.
 * {@code orgId}/{@code userId} are repeated from the call so a read model can scope it even if it arrives first.
 * {@code chunked} says the transcript was over the token budget and was summarized in chunks before evaluation.
 * Optional (v2): {@code skipReason} set means the call was not sent to the LLM by policy (status skipped, no
 * evaluation); {@code reviewFlags} such as {@link #FLAG_POSSIBLE_PROMPT_INJECTION}; {@code transcriptTruncated}
 * says only the transcript's first part was analyzed; {@code llmRequests} counts the requests this analysis made.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallAnalyzed(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String callId,
        String orgId,
        String userId,
        AnalysisMode mode,
        ConversationMetrics metrics,
        Evaluation evaluation,
        String model,
        String promptVersion,
        TokenUsage tokenUsage,
        BigDecimal estimatedCostUsd,
        boolean chunked,
        Instant analyzedAt,
        SkipReason skipReason,
        List<String> reviewFlags,
        boolean transcriptTruncated,
        int llmRequests) implements Event {

    public static final int SCHEMA_VERSION = 1;
    /** Text aimed at the evaluator was found in the transcript, title or names. */
    public static final String FLAG_POSSIBLE_PROMPT_INJECTION = "possible_prompt_injection";

    public CallAnalyzed {
        reviewFlags = reviewFlags == null ? List.of() : List.copyOf(reviewFlags);
    }
}
