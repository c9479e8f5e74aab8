package com.salesai.analysis.llm;

import com.salesai.schema.events.TokenUsage;

import java.math.BigDecimal;

/** Sums token usage and cost over every request one analysis takes (map requests plus the evaluation). */
final class UsageTally {
    private long promptTokens;
    private long completionTokens;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private boolean priced = true;

    void add(long prompt, long completion, BigDecimal cost) {
        promptTokens += prompt;
        completionTokens += completion;
        if (cost == null) {
            priced = false;
        } else {
            costUsd = costUsd.add(cost);
        }
    }

    TokenUsage usage() {
        return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
    }

    BigDecimal costUsd() {
        return priced ? costUsd : null;
    }
}
