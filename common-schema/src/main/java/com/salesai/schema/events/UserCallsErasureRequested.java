package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's integration was deleted with {@code eraseCalls=true}: every call credited to {@code userId} in
 * {@code orgId} is to be erased. On {@link Topics#CALLS_ERASURE_REQUESTED} keyed by {@code userId}; the dashboard,
 * which is the service that can list a member's calls, answers it with one {@link CallErased} per call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserCallsErasureRequested(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String userId,
        String orgId,
        String requestedBy,
        Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public static UserCallsErasureRequested of(String userId, String orgId, String requestedBy, Instant at) {
        return new UserCallsErasureRequested(SCHEMA_VERSION, UUID.randomUUID(), at, userId, orgId, requestedBy, at);
    }
}
