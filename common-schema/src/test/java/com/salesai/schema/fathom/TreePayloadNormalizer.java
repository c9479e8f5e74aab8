package com.salesai.schema.fathom;

import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;
import com.salesai.schema.fathom.NormalizationResult.Normalized;
import com.salesai.schema.fathom.NormalizationResult.Rejected;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.salesai.schema.fathom.JsonFields.clockSeconds;
import static com.salesai.schema.fathom.JsonFields.field;
import static com.salesai.schema.fathom.JsonFields.text;

/**
 * The test oracle of {@link FathomPayloadNormalizer}: the normalizer as it was before it streamed, reading the whole
 * body into a tree (and a data-wrapped body's string into a second one) before walking it.
 */
final class TreePayloadNormalizer {

    private static final int MAX_NESTING_DEPTH = FathomPayloadNormalizer.MAX_NESTING_DEPTH;
    private static final int MAX_CALLS = FathomPayloadNormalizer.MAX_CALLS;
    private static final int MAX_REASON_DETAIL = 120;
    private static final String UNRECOGNIZED = "unrecognized payload: none of the fields of a known Fathom format"
            + " (fathom_user_emaill, fathom_user, recording_id, data ...)";

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    // Parser messages end up in reasons: keep quoted body tokens short and raw content out.
                    .errorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(20).maxRawContentLength(0).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    NormalizationResult normalize(byte[] rawBody) {
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
        return parse(rawBody, start).map(root -> calls(root, false));
    }

    private NormalizationResult normalizeText(String text) {
        if (text.isBlank()) {
            return new Rejected("empty body: only whitespace");
        }
        return parse(text).map(root -> calls(root, false));
    }

    /** One parsed document's calls; {@code wrapped} when the document came out of a data-wrapped string. */
    private NormalizationResult calls(JsonNode root, boolean wrapped) {
        if (root.isObject()) {
            return element(root, wrapped);
        }
        if (!root.isArray()) {
            return new Rejected("expected a JSON object or an array of objects, got " + typeOf(root));
        }
        if (root.isEmpty()) {
            return new Rejected("empty array: no calls");
        }
        if (root.size() > MAX_CALLS) {
            return new Rejected("array has " + root.size() + " elements, more than the limit of " + MAX_CALLS);
        }
        List<NormalizedCall> calls = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            NormalizationResult result = element(root.get(i), wrapped);
            if (result instanceof Rejected rejected) {
                return new Rejected("element " + i + ": " + rejected.reason());
            }
            calls.addAll(((Normalized) result).calls());
            // An array of data-wrapped arrays could otherwise multiply the limit.
            if (calls.size() > MAX_CALLS) {
                return new Rejected("more than " + MAX_CALLS + " calls in one body");
            }
        }
        return new Normalized(calls);
    }

    private NormalizationResult element(JsonNode node, boolean wrapped) {
        if (!node.isObject()) {
            return new Rejected("expected a JSON object, got " + typeOf(node));
        }
        if (node.has("data")) {
            return wrapped ? new Rejected("nested 'data' deeper than one level") : unwrap(node.get("data"));
        }
        SourceFormat detected = detect(node);
        if (detected == null) {
            return new Rejected(UNRECOGNIZED);
        }
        SourceFormat reported = wrapped ? SourceFormat.DATA_WRAPPED : detected;
        NormalizedCall call = switch (detected) {
            case LEGACY_FLAT -> LegacyFlatFormat.read(node, reported);
            case NESTED -> NestedFormat.read(node, reported);
            case FATHOM_MEETING -> FathomMeetingFormat.read(node, reported, segments(node));
            case DATA_WRAPPED -> throw new IllegalStateException("detect never returns DATA_WRAPPED");
        };
        if (call.title() == null && call.transcriptPlaintext() == null && call.fathomRecordingId() == null) {
            return new Rejected(formatName(detected) + ": nothing usable: no title, no transcript and no recording id");
        }
        return new Normalized(List.of(call));
    }

    private static List<TranscriptSegment> segments(JsonNode node) {
        JsonNode transcript = node.get("transcript");
        if (transcript == null || !transcript.isArray()) {
            return null;
        }
        return transcript.valueStream().map(TreePayloadNormalizer::segment).filter(Objects::nonNull).toList();
    }

    private static TranscriptSegment segment(JsonNode entry) {
        String text = text(entry, "text");
        if (text == null) {
            return null;
        }
        JsonNode speaker = field(entry, "speaker");
        String speakerName = speaker != null && speaker.isString() ? text(entry, "speaker") : text(speaker, "display_name");
        return new TranscriptSegment(speakerName, text(speaker, "matched_calendar_invitee_email"), text,
                clockSeconds(entry, "timestamp"));
    }

    private NormalizationResult unwrap(JsonNode data) {
        if (!data.isString()) {
            return new Rejected("data-wrapped: 'data' must be a JSON string, got " + typeOf(data));
        }
        if (data.stringValue().isBlank()) {
            return new Rejected("data-wrapped: 'data' is empty");
        }
        NormalizationResult inner = parse(data.stringValue()).map(root -> calls(root, true));
        if (inner instanceof Rejected rejected) {
            return new Rejected("data-wrapped: " + rejected.reason());
        }
        return inner;
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

    private Parsed parse(String json) {
        return parse(() -> mapper.readTree(json));
    }

    /** Straight from the bytes (already checked to be UTF-8): no decoded copy of the body. */
    private Parsed parse(byte[] json, int start) {
        return parse(() -> mapper.readTree(json, start, json.length - start));
    }

    private static Parsed parse(Supplier<JsonNode> reading) {
        try {
            return new Parsed(reading.get(), null);
        } catch (StreamConstraintsException e) {
            return new Parsed(null, new Rejected("JSON exceeds parser limits: " + detail(e)));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            return new Parsed(null, new Rejected("invalid JSON" + where + ": " + detail(e)));
        }
    }

    /** The parser's own first line, bounded; body tokens inside it are already cut short by the factory. */
    private static String detail(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        return firstLine.length() <= MAX_REASON_DETAIL ? firstLine : firstLine.substring(0, MAX_REASON_DETAIL) + "...";
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String formatName(SourceFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A parsed tree, or the rejection that parsing produced. */
    private record Parsed(JsonNode root, Rejected rejected) {
        NormalizationResult map(Function<JsonNode, NormalizationResult> next) {
            return rejected != null ? rejected : next.apply(root);
        }
    }
}
