package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** LLM tokens spent on one analysis, summed over every request it took. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);
}
