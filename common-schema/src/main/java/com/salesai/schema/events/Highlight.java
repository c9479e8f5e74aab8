package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A bookmark a person set in Fathom ({@code type} is its label, e.g. "Objection"); seconds from the recording start.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Highlight(String type, String summary, String text, Double startSeconds, Double endSeconds) {
}
