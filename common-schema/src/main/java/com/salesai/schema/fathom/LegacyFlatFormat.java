package com.salesai.schema.fathom;

import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static com.salesai.schema.fathom.JsonFields.firstNonNull;
import static com.salesai.schema.fathom.JsonFields.has;
import static com.salesai.schema.fathom.JsonFields.instant;
import static com.salesai.schema.fathom.JsonFields.minutesAsSeconds;
import static com.salesai.schema.fathom.JsonFields.text;

/** Fathom's first webhook shape: flat fields, a misspelt recorder email, and the duration in minutes as a string. */
final class LegacyFlatFormat {

    private LegacyFlatFormat() {
    }

    /** Fields only this format has; {@code meeting_title} alone is not one, fathom-meeting has it too. */
    static boolean matchesStrongly(JsonNode node) {
        return has(node, "fathom_user_emaill", "fathom_user_email", "fathom_user_name", "transcript_plaintext",
                "recording_duration_in_minutes");
    }

    static boolean matchesWeakly(JsonNode node) {
        return has(node, "meeting_title");
    }

    static NormalizedCall read(JsonNode node, SourceFormat format) {
        // "emaill" is what Fathom actually sent; the correct spelling is accepted in case it is ever fixed.
        String email = firstNonNull(text(node, "fathom_user_emaill"), text(node, "fathom_user_email"));
        String name = text(node, "fathom_user_name");
        String plaintext = text(node, "transcript_plaintext");
        return new NormalizedCall(
                format,
                text(node, "recording_id"),
                null,
                text(node, "meeting_title"),
                name == null && email == null ? null : new Person(name, email),
                instant(node, "meeting_scheduled_start_time"),
                null,
                minutesAsSeconds(node, "recording_duration_in_minutes"),
                text(node, "share_url"),
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
