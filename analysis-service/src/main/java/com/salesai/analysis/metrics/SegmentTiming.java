package com.salesai.analysis.metrics;

import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns transcript segments into timed turns: when each starts and how long it lasts. */
final class SegmentTiming {
    private static final String UNKNOWN_SPEAKER_KEY = "unknown";

    /** Lower-cased name -> email, so a segment naming a speaker without an email joins that speaker's turns. */
    private final Map<String, String> emailByName = new HashMap<>();

    private SegmentTiming(List<TranscriptSegment> segments) {
        for (TranscriptSegment s : segments) {
            if (!blank(s.speaker()) && !blank(s.speakerEmail())) {
                emailByName.putIfAbsent(normalized(s.speaker()), normalized(s.speakerEmail()));
            }
        }
    }

    /**
     * With offsets on every segment, a segment lasts until the next one starts. The LAST segment has no successor,
     * so its duration is estimated from its word count at the call's average speaking rate (words of the earlier
     * segments over the time they span; 150 wpm when that is unknown) and capped by what remains of the recording
     * ({@code durationSeconds - offset}) when the duration is known. Without offsets (plaintext transcripts) every
     * segment's duration is estimated from its words, at the recording's overall rate when its duration is known.
     * Segments without a speaker are attributed to one "unknown" speaker, never to the rep.
     */
    static List<TimedTurn> timedTurns(List<TranscriptSegment> segments, Integer recordingSeconds) {
        SegmentTiming timing = new SegmentTiming(segments);
        boolean timed = segments.stream().allMatch(s -> s.offsetSeconds() != null);
        return timed ? timing.fromOffsets(segments, recordingSeconds) : timing.fromWordCounts(segments, recordingSeconds);
    }

    private List<TimedTurn> fromOffsets(List<TranscriptSegment> segments, Integer recordingSeconds) {
        List<TimedTurn> turns = new ArrayList<>(segments.size());
        int lastIndex = segments.size() - 1;
        for (int i = 0; i < lastIndex; i++) {
            TranscriptSegment segment = segments.get(i);
            double duration = Math.max(0, segments.get(i + 1).offsetSeconds() - segment.offsetSeconds());
            turns.add(turn(segment, segment.offsetSeconds(), duration));
        }
        TranscriptSegment last = segments.get(lastIndex);
        turns.add(turn(last, last.offsetSeconds(), lastSegmentSeconds(segments, recordingSeconds)));
        return turns;
    }

    private static double lastSegmentSeconds(List<TranscriptSegment> segments, Integer recordingSeconds) {
        TranscriptSegment last = segments.get(segments.size() - 1);
        int earlierWords = segments.subList(0, segments.size() - 1).stream()
                .mapToInt(s -> ConversationMetricsCalculator.wordsIn(s.text())).sum();
        double span = last.offsetSeconds() - segments.get(0).offsetSeconds();
        double wordsPerMinute = span > 0 && earlierWords > 0
                ? earlierWords / (span / 60.0)
                : ConversationMetricsCalculator.DEFAULT_WORDS_PER_MINUTE;
        double estimate = ConversationMetricsCalculator.wordsIn(last.text()) / wordsPerMinute * 60.0;
        if (recordingSeconds != null && recordingSeconds > 0) {
            double remaining = Math.max(0, recordingSeconds - last.offsetSeconds());
            return Math.min(estimate, remaining);
        }
        return estimate;
    }

    private List<TimedTurn> fromWordCounts(List<TranscriptSegment> segments, Integer recordingSeconds) {
        int totalWords = segments.stream().mapToInt(s -> ConversationMetricsCalculator.wordsIn(s.text())).sum();
        double wordsPerMinute = recordingSeconds != null && recordingSeconds > 0 && totalWords > 0
                ? totalWords / (recordingSeconds / 60.0)
                : ConversationMetricsCalculator.DEFAULT_WORDS_PER_MINUTE;
        List<TimedTurn> turns = new ArrayList<>(segments.size());
        double start = 0;
        for (TranscriptSegment segment : segments) {
            double duration = ConversationMetricsCalculator.wordsIn(segment.text()) / wordsPerMinute * 60.0;
            turns.add(turn(segment, start, duration));
            start += duration;
        }
        return turns;
    }

    private TimedTurn turn(TranscriptSegment segment, double start, double duration) {
        String name = blank(segment.speaker()) ? null : segment.speaker().trim();
        String email = blank(segment.speakerEmail()) ? null : segment.speakerEmail().trim();
        return new TimedTurn(speakerKey(name, email), name, email, segment.text(),
                ConversationMetricsCalculator.wordsIn(segment.text()), start, duration);
    }

    /** The email when known (stable), else the email seen with this name, else the name; "unknown" for neither. */
    private String speakerKey(String name, String email) {
        if (email != null) {
            return normalized(email);
        }
        if (name != null) {
            return emailByName.getOrDefault(normalized(name), "name:" + normalized(name));
        }
        return UNKNOWN_SPEAKER_KEY;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
