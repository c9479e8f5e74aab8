package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the LLM evaluated the call, or only conversation metrics were computed (no API key configured). */
public enum AnalysisMode {
    @JsonProperty("llm") LLM,
    @JsonProperty("metrics-only") METRICS_ONLY
}
