package com.salesai.schema.fathom;

import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plaintext transcript into "Name: text" segments, with an optional "[HH:MM:SS]", "HH:MM:SS" or "MM:SS"
 * stamp (optionally followed by " - ") before the name. A line without a speaker continues the previous segment.
 * If no line has a speaker the transcript is not segmented at all: guessing would invent speakers.
 *
 * <p>The name may not contain ':', '[' or ']' so the first colon ends it, it is 1 to 60 characters, and the colon
 * must be followed by whitespace or the end of the line, so "12:30" or "https://..." in prose never reads as a
 * speaker. Lines are scanned by hand, once, because a regex per line was most of the normalizer's cost; the scan
 * decides exactly as the regex {@code \s*(?:\[?(\d{1,3}:\d{2}(?::\d{2})?)]?\s*(?:-\s*)?)?([^:\[\]]{1,60}):(?:\s+(.*))?}
 * did (whole line, stamp alternative first), which {@code PlaintextTranscriptParserTest} checks against it.
 */
final class PlaintextTranscriptParser {

    private static final int MAX_NAME_LENGTH = 60;
    private static final int MAX_NAME_WORDS = 5;

    private PlaintextTranscriptParser() {
    }

    static List<TranscriptSegment> parse(String plaintext) {
        if (plaintext == null) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        while (start <= plaintext.length()) {
            int end = lineEnd(plaintext, start);
            String line = plaintext.substring(start, end);
            Segment started = speakerLine(line);
            if (started != null) {
                segments.add(started);
            } else if (!segments.isEmpty() && !line.isBlank()) {
                segments.get(segments.size() - 1).append(line.strip());
            }
            start = afterLineBreak(plaintext, end);
        }
        return segments.stream().filter(Segment::hasText).map(Segment::toSegment).toList();
    }

    /** Where the line starting at {@code start} ends: at the next line break as {@code \R} knows them, or the end. */
    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            if (isLineBreak(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static int afterLineBreak(String text, int end) {
        if (end >= text.length()) {
            return text.length() + 1;
        }
        return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }

    private static boolean isLineBreak(char c) {
        if (c <= '\r') {
            return c >= '\n';
        }
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static Segment speakerLine(String line) {
        int afterSpaces = skipSpaces(line, 0);
        // As with the regex: when the line reads as stamp + name, the stampless reading is not tried even if the
        // name then turns out not to be one.
        Stamped stamped = stamped(line, afterSpaces);
        if (stamped != null) {
            return segment(line, stamped.speaker(), stamped.offsetSeconds());
        }
        SpeakerAt speaker = speakerAt(line, afterSpaces, afterSpaces);
        return speaker == null ? null : segment(line, speaker, null);
    }

    /** The line read as stamp + speaker from {@code from}; null when it does not read so. */
    private static Stamped stamped(String line, int from) {
        int p = charIs(line, from, '[') ? from + 1 : from;
        int digits = countDigits(line, p);
        int colon = p + digits;
        if (digits < 1 || digits > 3 || !charIs(line, colon, ':') || !isDigit(line, colon + 1)
                || !isDigit(line, colon + 2)) {
            return null;
        }
        int stampEnd = colon + 3;
        if (charIs(line, stampEnd, ':') && isDigit(line, stampEnd + 1) && isDigit(line, stampEnd + 2)) {
            stampEnd += 3;
        }
        int afterStamp = charIs(line, stampEnd, ']') ? stampEnd + 1 : stampEnd;
        int nameStart = skipSpaces(line, afterStamp);
        if (charIs(line, nameStart, '-')) {
            nameStart = skipSpaces(line, nameStart + 1);
        }
        // A colon right where the name would start: the regex gave the last space or dash back to the name.
        int backedUp = charIs(line, nameStart, ':') && nameStart > afterStamp ? nameStart - 1 : nameStart;
        SpeakerAt speaker = speakerAt(line, nameStart, backedUp);
        return speaker == null ? null
                : new Stamped(speaker, JsonFields.clockSeconds(line.substring(p, stampEnd)));
    }

    /**
     * The name from {@code nameStart} (or {@code backedUp}, when that alone gives it a character) to the first
     * colon, if that colon ends the name as the line format requires; null otherwise.
     */
    private static SpeakerAt speakerAt(String line, int nameStart, int backedUp) {
        int colon = line.indexOf(':', nameStart);
        int start = colon == nameStart ? backedUp : nameStart;
        if (colon <= start || colon - start > MAX_NAME_LENGTH) {
            return null;
        }
        for (int i = start; i < colon; i++) {
            char c = line.charAt(i);
            if (c == '[' || c == ']') {
                return null;
            }
        }
        if (colon + 1 < line.length() && !isSpace(line.charAt(colon + 1))) {
            return null;
        }
        return new SpeakerAt(start, colon);
    }

    private static Segment segment(String line, SpeakerAt speaker, Integer offset) {
        String name = line.substring(speaker.nameStart, speaker.colon).strip();
        if (!isName(name)) {
            return null;
        }
        return new Segment(name, offset, line.substring(speaker.colon + 1).strip());
    }

    /**
     * At most five words and no sentence punctuation: none of {@code , ; ! ? "}, no '.' at the end and none followed
     * by whitespace and a lower-case letter. "Dr. Smith" stays a name, "Ok. so we agreed" does not.
     */
    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int words = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == ';' || c == '!' || c == '?' || c == '"') {
                return false;
            }
            if (c == '.' && (i == name.length() - 1 || periodBeforeLowerCase(name, i))) {
                return false;
            }
            if (!isSpace(c) && (i == 0 || isSpace(name.charAt(i - 1)))) {
                words++;
            }
        }
        return words <= MAX_NAME_WORDS;
    }

    private static boolean periodBeforeLowerCase(String name, int period) {
        int next = skipSpaces(name, period + 1);
        return next > period + 1 && next < name.length()
                && Character.getType(name.codePointAt(next)) == Character.LOWERCASE_LETTER;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countDigits(String line, int from) {
        int i = from;
        while (isDigit(line, i)) {
            i++;
        }
        return i - from;
    }

    private static boolean isDigit(String line, int i) {
        return i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9';
    }

    private static boolean charIs(String line, int i, char c) {
        return i < line.length() && line.charAt(i) == c;
    }

    /** Whitespace as the regex class {@code \s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Where a candidate name starts and the colon that ends it. */
    private record SpeakerAt(int nameStart, int colon) {
    }

    private record Stamped(SpeakerAt speaker, Integer offsetSeconds) {
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
