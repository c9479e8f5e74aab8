package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a call reached the system: its webhook, a historical import, or the catch-up sync (v2). */
public enum CallSource {
    @JsonProperty("webhook") WEBHOOK,
    @JsonProperty("import") IMPORT,
    @JsonProperty("sync") SYNC
}
