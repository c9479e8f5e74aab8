package com.salesai.analysis.llm;

import com.salesai.schema.events.TokenUsage;

import java.math.BigDecimal;

/**
 * Sums requests, token usage and cost over every request one analysis takes (map requests plus the evaluation);
 * a request counts when it is sent, whatever its answer.
 */
final class UsageTally {
    private int requests;
    private long promptTokens;
    private long completionTokens;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private boolean priced = true;

    void requestSent() {
        requests++;
    }

    int requests() {
        return requests;
    }

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
