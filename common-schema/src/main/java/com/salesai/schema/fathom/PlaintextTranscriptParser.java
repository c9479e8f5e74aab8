package com.salesai.schema.fathom;

import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plaintext transcript into "Name: text" segments, with an optional "[HH:MM:SS]", "HH:MM:SS" or "MM:SS"
 * stamp (optionally followed by " - ") before the name. A line without a speaker continues the previous segment.
 * If no line has a speaker the transcript is not segmented at all: guessing would invent speakers.
 */
final class PlaintextTranscriptParser {

    /*
     * The name may not contain ':' so the first colon ends it, and the colon must be followed by whitespace or the
     * end of the line, so "12:30" or "https://..." in prose never reads as a speaker. Bounded quantifiers keep
     * matching linear in the line length.
     */
    private static final Pattern LINE = Pattern.compile(
            "\\s*(?:\\[?(?<stamp>\\d{1,3}:\\d{2}(?::\\d{2})?)]?\\s*(?:-\\s*)?)?(?<name>[^:\\[\\]]{1,60}):(?:\\s+(?<text>.*))?");
    /** Punctuation that ends or splits a sentence; "Dr. Smith" stays a name, "Ok. so we agreed" does not. */
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[,;!?\"]|\\.\\s+\\p{Ll}|\\.$");
    private static final int MAX_NAME_WORDS = 5;

    private PlaintextTranscriptParser() {
    }

    static List<TranscriptSegment> parse(String plaintext) {
        if (plaintext == null) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        for (String line : plaintext.split("\\R")) {
            Segment started = speakerLine(line);
            if (started != null) {
                segments.add(started);
            } else if (!segments.isEmpty() && !line.isBlank()) {
                segments.get(segments.size() - 1).append(line.strip());
            }
        }
        return segments.stream().filter(Segment::hasText).map(Segment::toSegment).toList();
    }

    private static Segment speakerLine(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        String name = matcher.group("name").strip();
        if (!isName(name)) {
            return null;
        }
        String stamp = matcher.group("stamp");
        Integer offset = stamp == null ? null : JsonFields.clockSeconds(stamp);
        String text = matcher.group("text");
        return new Segment(name, offset, text == null ? "" : text.strip());
    }

    private static boolean isName(String name) {
        return !name.isEmpty()
                && name.split("\\s+").length <= MAX_NAME_WORDS
                && !SENTENCE_PUNCTUATION.matcher(name).find();
    }

    /** A segment under construction; continuation lines are joined with a space. */
    private static final class Segment {
        private final String speaker;
        private final Integer offsetSeconds;
        private final StringBuilder text;

        Segment(String speaker, Integer offsetSeconds, String text) {
            this.speaker = speaker;
            this.offsetSeconds = offsetSeconds;
            this.text = new StringBuilder(text);
        }

        void append(String line) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(line);
        }

        boolean hasText() {
            return !text.isEmpty();
        }

        TranscriptSegment toSegment() {
            return new TranscriptSegment(speaker, null, text.toString(), offsetSeconds);
        }
    }
}
