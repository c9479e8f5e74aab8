package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whom a call is credited to: {@code recorder} when the org member credited with it recorded it; {@code shared}
 * when someone else recorded it and shared it with the receiving member. Only recorder calls count in rep statistics.
 */
public enum Attribution {
    @JsonProperty("recorder") RECORDER,
    @JsonProperty("shared") SHARED
}
