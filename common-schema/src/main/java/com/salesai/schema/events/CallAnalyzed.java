package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The analysis of one call. Key: {@code callId}. {@code evaluation} is null in {@link AnalysisMode#METRICS_ONLY}.
 * {@code orgId}/{@code userId} are repeated from the call so a read model can scope it even if it arrives first.
 * {@code chunked} says the transcript was over the token budget and was summarized in chunks before evaluation.
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
        Instant analyzedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
