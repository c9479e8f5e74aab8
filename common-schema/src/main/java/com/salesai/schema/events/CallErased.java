package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * A call was erased at someone's request (a recording is personal data), on the compacted topic
 * {@link Topics#CALLS_ERASED} keyed by {@code callId}; never tombstoned itself, so an erased call stays erased. Every
 * service holding the call deletes what it keeps of it and ignores its later events. {@code requestedBy} is the
 * userId who asked (the member, a head of sales or admin, or the member whose integration was deleted with
 * {@code eraseCalls=true}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallErased(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String callId,
        String orgId,
        String requestedBy,
        Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public static CallErased of(String callId, String orgId, String requestedBy, Instant at) {
        return new CallErased(SCHEMA_VERSION, UUID.randomUUID(), at, callId, orgId, requestedBy, at);
    }
}
