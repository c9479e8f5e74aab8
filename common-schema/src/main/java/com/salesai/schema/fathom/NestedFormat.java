package com.salesai.schema.fathom;

import com.salesai.schema.events.SourceFormat;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static com.salesai.schema.fathom.JsonFields.field;
import static com.salesai.schema.fathom.JsonFields.has;
import static com.salesai.schema.fathom.JsonFields.instant;
import static com.salesai.schema.fathom.JsonFields.minutesAsSeconds;
import static com.salesai.schema.fathom.JsonFields.person;
import static com.salesai.schema.fathom.JsonFields.text;

/** Fathom's second webhook shape: {@code fathom_user}, {@code meeting}, {@code recording}, {@code transcript} objects. */
final class NestedFormat {

    private NestedFormat() {
    }

    static boolean matches(JsonNode node) {
        JsonNode transcript = field(node, "transcript");
        return has(node, "id", "fathom_user", "meeting", "recording") || transcript != null && transcript.isObject();
    }

    static NormalizedCall read(JsonNode node, SourceFormat format) {
        JsonNode meeting = field(node, "meeting");
        JsonNode recording = field(node, "recording");
        String plaintext = text(field(node, "transcript"), "plaintext");
        return new NormalizedCall(
                format,
                text(node, "id"),
                null,
                text(meeting, "title"),
                person(field(node, "fathom_user")),
                instant(meeting, "scheduled_start_time"),
                null,
                minutesAsSeconds(recording, "duration_in_minutes"),
                text(recording, "share_url"),
                null,
                List.of(),
                0,
                PlaintextTranscriptParser.parse(plaintext),
                plaintext,
                null,
                List.of(),
                null, null, List.of(), List.of());
    }
}
