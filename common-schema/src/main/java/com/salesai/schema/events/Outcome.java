package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of a call as judged by the evaluation. */
public enum Outcome {
    @JsonProperty("won") WON,
    @JsonProperty("advanced") ADVANCED,
    @JsonProperty("stalled") STALLED,
    @JsonProperty("lost") LOST,
    @JsonProperty("no_decision") NO_DECISION,
    @JsonProperty("not_a_sales_call") NOT_A_SALES_CALL
}
