package com.salesai.schema.events;

import java.time.Instant;
import java.util.UUID;

/** The envelope fields every event carries. */
public interface Event {
    int schemaVersion();

    UUID eventId();

    Instant occurredAt();
}
