package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An action item Fathom extracted; {@code assignee} and {@code timestampSeconds} may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionItem(String description, Person assignee, Integer timestampSeconds, boolean completed) {
}
