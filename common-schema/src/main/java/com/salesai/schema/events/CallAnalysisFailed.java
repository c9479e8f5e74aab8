package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Terminal failure to analyze a call after every retry. Key: {@code callId}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallAnalysisFailed(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String callId,
        String orgId,
        String userId,
        String reason,
        int attempts,
        String promptVersion,
        Instant failedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
