package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a call was not sent to the LLM (status {@code skipped}); it still carries conversation metrics. */
public enum SkipReason {
    @JsonProperty("no_transcript") NO_TRANSCRIPT,
    @JsonProperty("internal_meeting") INTERNAL_MEETING,
    @JsonProperty("recorded_outside_org") RECORDED_OUTSIDE_ORG,
    @JsonProperty("budget_exhausted") BUDGET_EXHAUSTED
}
