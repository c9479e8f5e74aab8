package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which Fathom payload shape a call was normalized from. */
public enum SourceFormat {
    @JsonProperty("legacy-flat") LEGACY_FLAT,
    @JsonProperty("nested") NESTED,
    @JsonProperty("data-wrapped") DATA_WRAPPED,
    @JsonProperty("fathom-meeting") FATHOM_MEETING
}
