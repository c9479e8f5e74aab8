package com.salesai.schema.fathom;

import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;
import com.salesai.schema.fathom.NormalizationResult.Normalized;
import com.salesai.schema.fathom.NormalizationResult.Rejected;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a Fathom request body (one call object or an array of them, in any of the four known formats) into
 * {@link NormalizedCall}s. All or nothing: one bad element rejects the whole body, so a sender's batch is never
 * half-accepted. It never throws; a rejection carries a reason fit for a quarantine record, naming the element and
 * the problem without echoing transcript text. Thread-safe.
 */
public final class FathomPayloadNormalizer {

    static final int MAX_NESTING_DEPTH = 100;
    static final int MAX_CALLS = 1000;
    private static final int MAX_REASON_DETAIL = 120;
    private static final String UNRECOGNIZED = "unrecognized payload: none of the fields of a known Fathom format"
            + " (fathom_user_emaill, fathom_user, recording_id, data ...)";

    /**
     * Every top-level field a format detects or reads; the others are skipped unread, so a field a format starts to
     * read must be listed here (StreamingNormalizerEquivalenceProperties fails for those its generator knows).
     */
    private static final Set<String> READ_FIELDS = Set.of(
            "fathom_user_emaill", "fathom_user_email", "fathom_user_name", "transcript_plaintext",
            "recording_duration_in_minutes", "meeting_title", "meeting_scheduled_start_time", "share_url",
            "id", "fathom_user", "meeting", "recording", "transcript",
            "recording_id", "recorded_by", "calendar_invitees", "default_summary", "action_items",
            "recording_start_time", "recording_end_time", "scheduled_start_time", "scheduled_end_time", "title", "url",
            "transcript_language", "meeting_type", "calendar_invitees_domains_type", "highlights");

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    // Parser messages end up in reasons: keep quoted body tokens short and raw content out.
                    .errorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(20).maxRawContentLength(0).build())
                    .build())
            .build();

    public NormalizationResult normalize(byte[] rawBody) {
        try {
            return normalizeBody(rawBody);
        } catch (RuntimeException unexpected) {
            // A safety net for the "never throws" contract: a bug here must quarantine the body, not fail the request.
            return new Rejected("internal error while normalizing: " + unexpected.getClass().getSimpleName());
        }
    }

    private NormalizationResult normalizeBody(byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) {
            return new Rejected("empty body");
        }
        int start = RawBody.startsWithBom(rawBody, 0) ? RawBody.BOM_LENGTH : 0;
        if (!Utf8.isValid(rawBody, start, rawBody.length)) {
            return new Rejected("body is not valid UTF-8");
        }
        if (RawBody.sniffable(rawBody, start)) {
            // Decoded first, as the parser would otherwise guess UTF-16/32 or drop a second BOM from these bytes.
            return normalizeText(new String(rawBody, start, rawBody.length - start, StandardCharsets.UTF_8));
        }
        if (RawBody.isBlank(rawBody, start)) {
            return new Rejected("empty body: only whitespace");
        }
        return read(() -> mapper.createParser(rawBody, start, rawBody.length - start), false);
    }

    private NormalizationResult normalizeText(String text) {
        if (text.isBlank()) {
            return new Rejected("empty body: only whitespace");
        }
        return read(() -> mapper.createParser(text), false);
    }

    /**
     * One document's calls, in a single pass over its tokens: the transcript array is read entry by entry, fields no
     * format reads are skipped, and a data-wrapped document's string is parsed where the outer parser holds it.
     * {@code wrapped} when the document came out of a data-wrapped string.
     */
    private NormalizationResult read(Supplier<JsonParser> opening, boolean wrapped) {
        try (JsonParser parser = opening.get()) {
            parser.nextToken();
            NormalizationResult result = calls(parser, wrapped);
            if (parser.nextToken() != null) {
                return new Rejected("invalid JSON" + where(parser.currentLocation()) + ": trailing content");
            }
            return result;
        } catch (StreamConstraintsException e) {
            return new Rejected("JSON exceeds parser limits: " + detail(e));
        } catch (JacksonException e) {
            return new Rejected("invalid JSON" + where(e.getLocation()) + ": " + detail(e));
        }
    }

    private static String where(TokenStreamLocation at) {
        return at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    }

    /** Reads the value the parser is on, whole; an array's elements are all read even after a rejection. */
    private NormalizationResult calls(JsonParser parser, boolean wrapped) {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return element(parser, wrapped);
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return new Rejected("expected a JSON object or an array of objects, got " + typeOf(parser));
        }
        List<NormalizedCall> calls = new ArrayList<>();
        Rejected rejected = null;
        int size = 0;
        for (; parser.nextToken() != JsonToken.END_ARRAY; size++) {
            if (rejected != null || size >= MAX_CALLS) {
                parser.skipChildren();
                continue;
            }
            NormalizationResult result = parser.currentToken() == JsonToken.START_OBJECT
                    ? element(parser, wrapped)
                    : new Rejected("expected a JSON object, got " + typeOf(parser));
            if (result instanceof Rejected problem) {
                rejected = new Rejected("element " + size + ": " + problem.reason());
            } else {
                calls.addAll(((Normalized) result).calls());
                // An array of data-wrapped arrays could otherwise multiply the limit.
                if (calls.size() > MAX_CALLS) {
                    rejected = new Rejected("more than " + MAX_CALLS + " calls in one body");
                }
            }
        }
        if (size == 0) {
            return new Rejected("empty array: no calls");
        }
        if (size > MAX_CALLS) {
            return new Rejected("array has " + size + " elements, more than the limit of " + MAX_CALLS);
        }
        return rejected != null ? rejected : new Normalized(calls);
    }

    /**
     * The object the parser is on: the fields a format reads as small trees, the transcript array streamed into
     * segments, a {@code data} string unwrapped; duplicate fields keep the last value, as a tree would.
     */
    private NormalizationResult element(JsonParser parser, boolean wrapped) {
        ObjectNode fields = mapper.createObjectNode();
        List<TranscriptSegment> segments = null;
        NormalizationResult data = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (name.equals("data")) {
                data = wrapped ? new Rejected("nested 'data' deeper than one level") : unwrap(parser);
                parser.skipChildren();
            } else if (name.equals("transcript")) {
                // an empty array stands for the streamed one: the formats tell an array transcript by its type
                segments = value == JsonToken.START_ARRAY ? FathomMeetingFormat.segments(parser) : null;
                fields.set(name, segments != null ? fields.arrayNode() : parser.readValueAsTree());
            } else if (READ_FIELDS.contains(name)) {
                fields.set(name, (JsonNode) parser.readValueAsTree());
            } else {
                parser.skipChildren();
            }
        }
        if (data != null) {
            return data;
        }
        SourceFormat detected = detect(fields);
        if (detected == null) {
            return new Rejected(UNRECOGNIZED);
        }
        SourceFormat reported = wrapped ? SourceFormat.DATA_WRAPPED : detected;
        NormalizedCall call = switch (detected) {
            case LEGACY_FLAT -> LegacyFlatFormat.read(fields, reported);
            case NESTED -> NestedFormat.read(fields, reported);
            case FATHOM_MEETING -> FathomMeetingFormat.read(fields, reported, segments);
            case DATA_WRAPPED -> throw new IllegalStateException("detect never returns DATA_WRAPPED");
        };
        if (call.title() == null && call.transcriptPlaintext() == null && call.fathomRecordingId() == null) {
            return new Rejected(formatName(detected) + ": nothing usable: no title, no transcript and no recording id");
        }
        return new Normalized(List.of(call));
    }

    /** The wrapped document, parsed from the outer parser's buffer of the unescaped string (no copy of it). */
    private NormalizationResult unwrap(JsonParser parser) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return new Rejected("data-wrapped: 'data' must be a JSON string, got " + typeOf(parser));
        }
        char[] text = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        int length = parser.getStringLength();
        if (isBlank(text, offset, length)) {
            return new Rejected("data-wrapped: 'data' is empty");
        }
        NormalizationResult inner = read(() -> mapper.createParser(text, offset, length), true);
        if (inner instanceof Rejected rejected) {
            return new Rejected("data-wrapped: " + rejected.reason());
        }
        return inner;
    }

    private static boolean isBlank(char[] text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Legacy first by the fields only it has, then fathom-meeting before the weaker legacy match, because a
     * fathom-meeting also carries {@code meeting_title}.
     */
    private static SourceFormat detect(JsonNode node) {
        if (LegacyFlatFormat.matchesStrongly(node)) {
            return SourceFormat.LEGACY_FLAT;
        }
        if (FathomMeetingFormat.matches(node)) {
            return SourceFormat.FATHOM_MEETING;
        }
        if (NestedFormat.matches(node)) {
            return SourceFormat.NESTED;
        }
        return LegacyFlatFormat.matchesWeakly(node) ? SourceFormat.LEGACY_FLAT : null;
    }

    /** The parser's own first line, bounded; body tokens inside it are already cut short by the factory. */
    private static String detail(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        return firstLine.length() <= MAX_REASON_DETAIL ? firstLine : firstLine.substring(0, MAX_REASON_DETAIL) + "...";
    }

    /** Reads the value the parser is on (a scalar, or the container it opens) to name its type. */
    private static String typeOf(JsonParser parser) {
        JsonNode value = parser.readValueAsTree();
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String formatName(SourceFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
