/**
 * Immutable events exchanged on Kafka, serialized as camelCase JSON. Every event carries {@code schemaVersion},
 * {@code eventId} and {@code occurredAt}; adding an optional field keeps the version, anything else bumps it.
 * Unknown fields are ignored so a v1 consumer survives additive changes.
 */
package com.salesai.schema.events;
