package com.salesai.analysis.metrics;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.ConversationMetrics.Monologue;
import com.salesai.schema.events.ConversationMetrics.SpeakerStats;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.TranscriptSegment;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversation metrics from the transcript alone (no LLM). The rep is the speaker whose email or name matches
 * {@code recordedBy}; everyone else counts as the customer side. When speakers can't be told apart the metrics are
 * marked unavailable instead of guessed.
 */
public final class ConversationMetricsCalculator {
    static final double DEFAULT_WORDS_PER_MINUTE = 150.0;

    public ConversationMetrics compute(CallRecorded call) {
        List<TranscriptSegment> segments = call.transcript().stream()
                .filter(s -> s.text() != null && !s.text().isBlank())
                .toList();
        if (segments.isEmpty()) {
            return ConversationMetrics.unavailable("no transcript segments");
        }
        if (segments.stream().allMatch(s -> SegmentTiming.blank(s.speaker()) && SegmentTiming.blank(s.speakerEmail()))) {
            return ConversationMetrics.unavailable("transcript segments carry no speaker, speakers can't be told apart");
        }
        List<TimedTurn> turns = SegmentTiming.timedTurns(segments, call.durationSeconds());
        double totalTalk = turns.stream().mapToDouble(TimedTurn::durationSeconds).sum();
        if (totalTalk <= 0) {
            return ConversationMetrics.unavailable("transcript has no measurable talk time");
        }
        return summarize(call, turns, totalTalk);
    }

    private ConversationMetrics summarize(CallRecorded call, List<TimedTurn> turns, double totalTalk) {
        FillerWords fillers = FillerWords.forLanguage(call.language());
        String repKey = repKey(turns, call.recordedBy());
        Map<String, SpeakerTotals> bySpeaker = new LinkedHashMap<>();
        Map<String, Integer> fillerCounts = new LinkedHashMap<>();
        for (TimedTurn turn : turns) {
            Map<String, Integer> turnFillers = fillers.count(turn.text());
            turnFillers.forEach((entry, n) -> fillerCounts.merge(entry, n, Integer::sum));
            bySpeaker.computeIfAbsent(turn.speakerKey(), k -> new SpeakerTotals(turn.speakerName(), turn.speakerEmail()))
                    .add(turn, questionsIn(turn.text()), turnFillers.values().stream().mapToInt(Integer::intValue).sum());
        }

        List<SpeakerStats> speakers = bySpeaker.entrySet().stream()
                .map(e -> e.getValue().toStats(e.getKey().equals(repKey), totalTalk))
                .sorted(Comparator.comparingDouble(SpeakerStats::talkSeconds).reversed())
                .toList();
        SpeakerTotals rep = repKey == null ? null : bySpeaker.get(repKey);
        Integer repQuestions = rep == null ? null : rep.questions;
        Integer customerQuestions = rep == null ? null : bySpeaker.entrySet().stream()
                .filter(e -> !e.getKey().equals(repKey)).mapToInt(e -> e.getValue().questions).sum();

        TimedTurn last = turns.get(turns.size() - 1);
        int durationSeconds = call.durationSeconds() != null && call.durationSeconds() > 0
                ? call.durationSeconds()
                : (int) Math.round(last.startSeconds() + last.durationSeconds());
        int totalWords = turns.stream().mapToInt(TimedTurn::words).sum();
        double minutes = durationSeconds / 60.0;

        return new ConversationMetrics(true, null, durationSeconds, speakers,
                rep == null ? null : round(rep.talkSeconds / totalTalk, 3),
                longestMonologue(turns),
                repQuestions, customerQuestions,
                minutes > 0 ? round(speakerSwitches(turns) / minutes, 2) : null,
                round(totalWords / (totalTalk / 60.0), 1),
                fillerCounts.values().stream().mapToInt(Integer::intValue).sum(),
                fillerCounts);
    }

    /** Consecutive segments of the same speaker are one stretch of talk. */
    static Monologue longestMonologue(List<TimedTurn> turns) {
        Monologue longest = null;
        int i = 0;
        while (i < turns.size()) {
            TimedTurn first = turns.get(i);
            double seconds = 0;
            int j = i;
            while (j < turns.size() && turns.get(j).speakerKey().equals(first.speakerKey())) {
                seconds += turns.get(j).durationSeconds();
                j++;
            }
            if (longest == null || seconds > longest.seconds()) {
                longest = new Monologue(displayName(first), round(seconds, 1), (int) Math.round(first.startSeconds()));
            }
            i = j;
        }
        return longest;
    }

    private static int speakerSwitches(List<TimedTurn> turns) {
        int switches = 0;
        for (int i = 1; i < turns.size(); i++) {
            if (!turns.get(i).speakerKey().equals(turns.get(i - 1).speakerKey())) {
                switches++;
            }
        }
        return switches;
    }

    private static String repKey(List<TimedTurn> turns, Person recordedBy) {
        if (recordedBy == null) {
            return null;
        }
        for (TimedTurn turn : turns) {
            if (sameText(turn.speakerEmail(), recordedBy.email()) || sameText(turn.speakerName(), recordedBy.name())) {
                return turn.speakerKey();
            }
        }
        return null;
    }

    private static boolean sameText(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.trim().equalsIgnoreCase(b.trim());
    }

    /** Whitespace-separated tokens holding at least one letter or digit; one pass, no regex (a hot path). */
    static int wordsIn(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean tokenHasWordChar = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && FillerWords.isRegexSpace((char) codePoint)) {
                if (tokenHasWordChar) {
                    words++;
                }
                tokenHasWordChar = false;
            } else {
                tokenHasWordChar = tokenHasWordChar || FillerWords.isWordChar(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return tokenHasWordChar ? words + 1 : words;
    }

    /** Runs of question marks: "??" is one question. */
    static int questionsIn(String text) {
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?' && (i == 0 || text.charAt(i - 1) != '?')) {
                questions++;
            }
        }
        return questions;
    }

    private static String displayName(TimedTurn turn) {
        return turn.speakerName() != null ? turn.speakerName() : turn.speakerEmail();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static final class SpeakerTotals {
        private final String name;
        private final String email;
        private double talkSeconds;
        private int words;
        private int questions;
        private int fillers;

        SpeakerTotals(String name, String email) {
            this.name = name;
            this.email = email;
        }

        void add(TimedTurn turn, int turnQuestions, int turnFillers) {
            talkSeconds += turn.durationSeconds();
            words += turn.words();
            questions += turnQuestions;
            fillers += turnFillers;
        }

        SpeakerStats toStats(boolean rep, double totalTalk) {
            double wpm = talkSeconds > 0 ? words / (talkSeconds / 60.0) : 0;
            return new SpeakerStats(name != null ? name : email != null ? email : "unknown", email, rep, round(talkSeconds, 1),
                    round(talkSeconds / totalTalk, 3), words, questions, round(wpm, 1), fillers);
        }
    }
}
