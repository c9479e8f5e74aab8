package com.salesai.schema.fathom;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static com.salesai.schema.fathom.JsonFields.bool;
import static com.salesai.schema.fathom.JsonFields.clockSeconds;
import static com.salesai.schema.fathom.JsonFields.domainOf;
import static com.salesai.schema.fathom.JsonFields.elements;
import static com.salesai.schema.fathom.JsonFields.field;
import static com.salesai.schema.fathom.JsonFields.firstNonNull;
import static com.salesai.schema.fathom.JsonFields.has;
import static com.salesai.schema.fathom.JsonFields.instant;
import static com.salesai.schema.fathom.JsonFields.number;
import static com.salesai.schema.fathom.JsonFields.person;
import static com.salesai.schema.fathom.JsonFields.secondsBetween;
import static com.salesai.schema.fathom.JsonFields.text;

/** The Meeting object of Fathom's current API, sent by its webhooks and returned by {@code GET /meetings}. */
final class FathomMeetingFormat {

    private FathomMeetingFormat() {
    }

    static boolean matches(JsonNode node) {
        JsonNode transcript = field(node, "transcript");
        return has(node, "recording_id", "recorded_by", "calendar_invitees", "default_summary", "action_items",
                "recording_start_time", "title", "url") || transcript != null && transcript.isArray();
    }

    /** {@code segments} are the transcript array's, streamed by the caller; null when the transcript is no array. */
    static NormalizedCall read(JsonNode node, SourceFormat format, List<TranscriptSegment> segments) {
        JsonNode recorder = field(node, "recorded_by");
        String recorderDomain = firstNonNull(text(recorder, "email_domain"), domainOf(text(recorder, "email")));
        List<Participant> participants = participants(node, recorderDomain);
        Instant recordingStart = instant(node, "recording_start_time");
        Instant scheduledStart = instant(node, "scheduled_start_time");
        Integer duration = firstNonNull(
                secondsBetween(recordingStart, instant(node, "recording_end_time")),
                secondsBetween(scheduledStart, instant(node, "scheduled_end_time")));
        List<TranscriptSegment> transcript;
        String plaintext;
        if (segments != null) {
            transcript = segments;
            plaintext = plaintextOf(transcript);
        } else {
            // Not what the API sends, but a plaintext transcript is too valuable to drop over its shape.
            plaintext = text(node, "transcript");
            transcript = PlaintextTranscriptParser.parse(plaintext);
        }
        return new NormalizedCall(
                format,
                text(node, "recording_id"),
                text(node, "url"),
                firstNonNull(text(node, "title"), text(node, "meeting_title")),
                person(recorder),
                scheduledStart,
                recordingStart,
                duration,
                text(node, "share_url"),
                text(node, "transcript_language"),
                participants,
                (int) participants.stream().filter(Participant::external).count(),
                transcript,
                plaintext,
                text(field(node, "default_summary"), "markdown_formatted"),
                actionItems(node),
                text(node, "meeting_type"),
                domainsType(text(node, "calendar_invitees_domains_type")),
                highlights(node),
                List.of());
    }

    private static InviteeDomainsType domainsType(String value) {
        if ("only_internal".equals(value)) {
            return InviteeDomainsType.ONLY_INTERNAL;
        }
        return "one_or_more_external".equals(value) ? InviteeDomainsType.ONE_OR_MORE_EXTERNAL : null;
    }

    /** Only {@code GET /meetings?include_highlights=true} has them; webhooks cannot include them. */
    private static List<Highlight> highlights(JsonNode node) {
        return elements(node, "highlights").stream()
                .map(h -> new Highlight(text(h, "type"), text(h, "summary"), text(h, "text"),
                        number(h, "start_time"), number(h, "end_time")))
                .filter(h -> h.type() != null || h.text() != null || h.summary() != null)
                .toList();
    }

    /** External is Fathom's {@code is_external} when given, else a domain other than the recorder's. */
    private static List<Participant> participants(JsonNode node, String recorderDomain) {
        List<Participant> participants = new ArrayList<>();
        for (JsonNode invitee : elements(node, "calendar_invitees")) {
            String name = text(invitee, "name");
            String email = text(invitee, "email");
            if (name == null && email == null) {
                continue;
            }
            String domain = firstNonNull(text(invitee, "email_domain"), domainOf(email));
            Boolean flagged = bool(invitee, "is_external");
            boolean external = flagged != null
                    ? flagged
                    : domain != null && recorderDomain != null && !domain.equalsIgnoreCase(recorderDomain);
            participants.add(new Participant(name, email, domain, external));
        }
        return participants;
    }

    /**
     * The transcript array the parser is on, entry by entry from its tokens, read as the tree readers would read
     * them (an entry without text is dropped, the last of duplicate fields counts); the parser ends on its end.
     */
    static List<TranscriptSegment> segments(JsonParser parser) {
        List<TranscriptSegment> segments = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String text = null;
            Speaker speaker = Speaker.NONE;
            Integer offset = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                switch (name) {
                    case "text" -> text = textOf(parser);
                    case "speaker" -> speaker = speaker(parser);
                    case "timestamp" -> offset = offsetOf(parser);
                    default -> parser.skipChildren();
                }
            }
            if (text != null) {
                segments.add(new TranscriptSegment(speaker.name(), speaker.email(), text, offset));
            }
        }
        return segments;
    }

    /** A speaker's name (the value itself when it is a string) and matched invitee email. */
    private record Speaker(String name, String email) {
        static final Speaker NONE = new Speaker(null, null);
    }

    private static Speaker speaker(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return new Speaker(parser.currentToken() == JsonToken.VALUE_STRING ? textOf(parser) : skip(parser), null);
        }
        String name = null;
        String email = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            switch (field) {
                case "display_name" -> name = textOf(parser);
                case "matched_calendar_invitee_email" -> email = textOf(parser);
                default -> parser.skipChildren();
            }
        }
        return new Speaker(name, email);
    }

    /** The value the parser is on as {@link JsonFields#text(JsonNode)} reads it (a container is skipped: null). */
    private static String textOf(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String value = parser.getString().strip();
            return value.isEmpty() ? null : value;
        }
        return parser.currentToken().isNumeric() ? JsonFields.text(parser.readValueAsTree()) : skip(parser);
    }

    /** As {@link JsonFields#clockSeconds(JsonNode, String)}: a non-negative int, or a clock string. */
    private static Integer offsetOf(JsonParser parser) {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() >= 0
                    ? parser.getIntValue() : null;
        }
        // a number's other texts have no colon: not a clock
        String value = parser.currentToken() == JsonToken.VALUE_STRING ? textOf(parser) : skip(parser);
        return value == null ? null : JsonFields.clockSeconds(value);
    }

    private static String skip(JsonParser parser) {
        parser.skipChildren();
        return null;
    }

    /** "Speaker: text" lines, the same shape as the plaintext formats, so every call has a plaintext transcript. */
    private static String plaintextOf(List<TranscriptSegment> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        return segments.stream()
                .map(s -> s.speaker() == null ? s.text() : s.speaker() + ": " + s.text())
                .collect(Collectors.joining("\n"));
    }

    private static List<ActionItem> actionItems(JsonNode node) {
        return elements(node, "action_items").stream()
                .map(item -> {
                    String description = text(item, "description");
                    return description == null ? null : new ActionItem(description, person(field(item, "assignee")),
                            clockSeconds(item, "recording_timestamp"), Boolean.TRUE.equals(bool(item, "completed")));
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
