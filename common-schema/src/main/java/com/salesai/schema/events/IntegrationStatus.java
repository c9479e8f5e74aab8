package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether ingest accepts webhooks for a user. */
public enum IntegrationStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("disabled") DISABLED
}
