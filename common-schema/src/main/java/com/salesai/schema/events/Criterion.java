package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Rubric criteria a call is scored on (1–5 each). */
public enum Criterion {
    @JsonProperty("discovery") DISCOVERY,
    @JsonProperty("active_listening") ACTIVE_LISTENING,
    @JsonProperty("value_proposition") VALUE_PROPOSITION,
    @JsonProperty("objection_handling") OBJECTION_HANDLING,
    @JsonProperty("next_steps") NEXT_STEPS
}
