package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One utterance; {@code offsetSeconds} is from the start of the recording, null when unknown. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranscriptSegment(String speaker, String speakerEmail, String text, Integer offsetSeconds) {
}
