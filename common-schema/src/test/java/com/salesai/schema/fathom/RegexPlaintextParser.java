package com.salesai.schema.fathom;

import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The regex-based parser that {@link PlaintextTranscriptParser} replaced, kept as the reference it must agree with. */
final class RegexPlaintextParser {
    private static final Pattern LINE = Pattern.compile(
            "\\s*(?:\\[?(?<stamp>\\d{1,3}:\\d{2}(?::\\d{2})?)]?\\s*(?:-\\s*)?)?(?<name>[^:\\[\\]]{1,60}):(?:\\s+(?<text>.*))?");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[,;!?\"]|\\.\\s+\\p{Ll}|\\.$");

    private RegexPlaintextParser() {
    }

    static List<TranscriptSegment> parse(String plaintext) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (String line : plaintext.split("\\R")) {
            TranscriptSegment started = speakerLine(line);
            if (started != null) {
                segments.add(started);
            } else if (!segments.isEmpty() && !line.isBlank()) {
                TranscriptSegment last = segments.remove(segments.size() - 1);
                String text = last.text().isEmpty() ? line.strip() : last.text() + " " + line.strip();
                segments.add(new TranscriptSegment(last.speaker(), null, text, last.offsetSeconds()));
            }
        }
        return segments.stream().filter(s -> !s.text().isEmpty()).toList();
    }

    private static TranscriptSegment speakerLine(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        String name = matcher.group("name").strip();
        if (name.isEmpty() || name.split("\\s+").length > 5 || SENTENCE_PUNCTUATION.matcher(name).find()) {
            return null;
        }
        String stamp = matcher.group("stamp");
        String text = matcher.group("text");
        return new TranscriptSegment(name, null, text == null ? "" : text.strip(),
                stamp == null ? null : JsonFields.clockSeconds(stamp));
    }
}
