package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * Conversation metrics computed from the transcript without an LLM. When speakers can't be told apart,
 * {@code available} is false, {@code unavailableReason} says why and the per-speaker figures are empty/null.
 * Ratios are 0..1.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationMetrics(
        boolean available,
        String unavailableReason,
        Integer durationSeconds,
        List<SpeakerStats> speakers,
        Double repTalkRatio,
        Monologue longestMonologue,
        Integer repQuestions,
        Integer customerQuestions,
        Double speakerSwitchesPerMinute,
        Double wordsPerMinute,
        Integer fillerWordCount,
        Map<String, Integer> fillerWords) {

    public ConversationMetrics {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        fillerWords = fillerWords == null ? Map.of() : Map.copyOf(fillerWords);
    }

    public static ConversationMetrics unavailable(String reason) {
        return new ConversationMetrics(false, reason, null, List.of(), null, null, null, null, null, null, null, Map.of());
    }

    /** Figures for one speaker; {@code rep} marks the recorder. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SpeakerStats(String speaker, String email, boolean rep, double talkSeconds, double talkRatio,
                               int words, int questions, double wordsPerMinute, int fillerWords) {
    }

    /** The longest uninterrupted stretch of one speaker. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Monologue(String speaker, double seconds, Integer startSeconds) {
    }
}
