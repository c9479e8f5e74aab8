package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a call reached the system. */
public enum CallSource {
    @JsonProperty("webhook") WEBHOOK,
    @JsonProperty("import") IMPORT
}
