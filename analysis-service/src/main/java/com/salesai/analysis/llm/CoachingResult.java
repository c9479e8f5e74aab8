package com.salesai.analysis.llm;

import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.TokenUsage;

import java.math.BigDecimal;

/**
 * The evaluation of one call and what it cost: {@code llmRequests} sent, tokens, and {@code estimatedCostUsd}, null
 * when the model has no price.
 */
public record CoachingResult(Evaluation evaluation, String model, String promptVersion, TokenUsage tokenUsage,
                             BigDecimal estimatedCostUsd, boolean chunked, int llmRequests) {
}
