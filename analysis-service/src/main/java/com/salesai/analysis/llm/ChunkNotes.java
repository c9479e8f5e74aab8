package com.salesai.analysis.llm;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** The model's notes on one chunk of a long transcript (the "map" step). */
@JsonClassDescription("Notes horodatées sur un extrait de transcription d'appel commercial")
record ChunkNotes(List<TimedNote> notes) {

    record TimedNote(
            @JsonPropertyDescription("Horodatage HH:MM:SS") String timestamp,
            @JsonPropertyDescription("Fait marquant, avec citation exacte si utile") String note) {
    }
}
