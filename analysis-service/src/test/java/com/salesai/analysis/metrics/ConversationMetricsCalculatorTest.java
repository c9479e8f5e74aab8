package com.salesai.analysis.metrics;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.ConversationMetrics.SpeakerStats;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConversationMetricsCalculatorTest {
    private final ConversationMetricsCalculator calculator = new ConversationMetricsCalculator();

    private static CallRecorded call(Integer durationSeconds, String language, List<TranscriptSegment> transcript) {
        return new CallRecorded(1, null, null, "call-1", "org-1", "user-1", null, null, null, "Démo",
                new Person("Alice Martin", "alice@acme.com"), null, null, durationSeconds, null, language,
                List.of(), 0, transcript, null, null, List.of(), null, null, null, null, null, null, List.of(), List.of());
    }

    private static TranscriptSegment seg(String speaker, String email, int offset, String text) {
        return new TranscriptSegment(speaker, email, text, offset);
    }

    @Test
    void threeSpeakersWithKnownTalkRatioMonologueAndQuestions() {
        String fiftyWords = "mot ".repeat(50).trim();
        var metrics = calculator.compute(call(310, "fr", List.of(
                seg("Alice Martin", "alice@acme.com", 0, "Bonjour à tous. Comment allez-vous ?"),
                seg("Bob", "bob@client.com", 20, "Très bien merci. Et vous ?"),
                seg("Alice Martin", "alice@acme.com", 30, "Très bien. Qu'est-ce qui vous amène ?"),
                seg("Bob", "bob@client.com", 50, "Nous cherchons un outil pour notre équipe commerciale."),
                seg("Bob", "bob@client.com", 120, "Aujourd'hui tout est dans des tableurs."),
                seg("Carla", null, 200, "Combien ça coûte ?"),
                seg("alice martin", null, 230, "Cela dépend du nombre de licences."),
                seg("Carla", null, 300, fiftyWords))));

        assertThat(metrics.available()).isTrue();
        assertThat(metrics.durationSeconds()).isEqualTo(310);
        // Alice 20+20+70 s; Bob 10+70+80 s; Carla 30 s + the last segment capped to the 10 s left of the recording.
        assertThat(metrics.speakers()).extracting(SpeakerStats::speaker).containsExactly("Bob", "Alice Martin", "Carla");
        assertThat(metrics.speakers()).extracting(SpeakerStats::talkSeconds).containsExactly(160.0, 110.0, 40.0);
        assertThat(metrics.repTalkRatio()).isEqualTo(0.355);
        SpeakerStats alice = metrics.speakers().get(1);
        assertThat(alice.rep()).isTrue();
        assertThat(alice.questions()).isEqualTo(2);
        assertThat(metrics.longestMonologue().speaker()).isEqualTo("Bob");
        assertThat(metrics.longestMonologue().seconds()).isEqualTo(150.0);
        assertThat(metrics.longestMonologue().startSeconds()).isEqualTo(50);
        assertThat(metrics.repQuestions()).isEqualTo(2);
        assertThat(metrics.customerQuestions()).isEqualTo(2);
        // 6 switches (A B A B|B C A C) over 310 s
        assertThat(metrics.speakerSwitchesPerMinute()).isCloseTo(6 / (310 / 60.0), within(0.01));
        int words = 5 + 5 + 6 + 8 + 6 + 3 + 6 + 50;
        assertThat(metrics.wordsPerMinute()).isCloseTo(words / (310 / 60.0), within(0.1));
    }

    @Test
    void lastSegmentIsEstimatedAtTheCallsSpeakingRateAndCappedByTheRecording() {
        var segments = List.of(
                seg("Alice Martin", null, 0, "un deux trois quatre cinq six sept huit neuf dix"),
                seg("Bob", null, 60, "un deux trois quatre cinq"));
        // 10 words over 60 s = 10 wpm, so 5 words last 30 s
        assertThat(speakerSeconds(calculator.compute(call(null, "fr", segments)), "Bob")).isEqualTo(30.0);
        // only 10 s of recording remain after the last offset
        assertThat(speakerSeconds(calculator.compute(call(70, "fr", segments)), "Bob")).isEqualTo(10.0);
        // a lone segment has no rate of its own: 150 words at 150 wpm
        var lone = calculator.compute(call(null, "fr", List.of(
                seg("Alice Martin", null, 0, "mot ".repeat(150)), seg("Bob", null, 60, "mot ".repeat(150)))));
        assertThat(speakerSeconds(lone, "Bob")).isEqualTo(60.0);
    }

    private static double speakerSeconds(ConversationMetrics metrics, String speaker) {
        return metrics.speakers().stream().filter(s -> s.speaker().equals(speaker)).findFirst().orElseThrow().talkSeconds();
    }

    @Test
    void countsFrenchFillerWordsOnWordBoundaries() {
        var metrics = calculator.compute(call(60, "fr", List.of(
                seg("Alice Martin", null, 0, "Euh, du coup, en fait je pense que... voilà, quoi. Quoique."),
                seg("Bob", null, 10, "Hum. Bah euh Du   coup c'est bien. Bénéfice, benjamin, ben oui."))));

        assertThat(metrics.fillerWords()).containsOnly(
                java.util.Map.entry("euh", 2), java.util.Map.entry("du coup", 2), java.util.Map.entry("en fait", 1),
                java.util.Map.entry("voilà", 1), java.util.Map.entry("quoi", 1), java.util.Map.entry("hum", 1),
                java.util.Map.entry("bah", 1), java.util.Map.entry("ben", 1));
        assertThat(metrics.fillerWordCount()).isEqualTo(10);
        assertThat(metrics.speakers()).filteredOn(SpeakerStats::rep).singleElement()
                .extracting(SpeakerStats::fillerWords).isEqualTo(5);
    }

    @Test
    void countsEnglishFillerWordsOnWordBoundaries() {
        var metrics = calculator.compute(call(60, "en", List.of(
                seg("Alice Martin", null, 0, "Um, so I mean, like, you know, it's basically fine. Actually, uh, SO."),
                seg("Bob", null, 10, "Unlike them we also know you. Umbrella. Likely."))));

        assertThat(metrics.fillerWords()).containsOnly(
                java.util.Map.entry("um", 1), java.util.Map.entry("so", 2), java.util.Map.entry("i mean", 1),
                java.util.Map.entry("like", 1), java.util.Map.entry("you know", 1), java.util.Map.entry("basically", 1),
                java.util.Map.entry("actually", 1), java.util.Map.entry("uh", 1));
        assertThat(metrics.fillerWordCount()).isEqualTo(9);
    }

    @Test
    void unavailableWithoutSegments() {
        var metrics = calculator.compute(call(600, "fr", List.of()));
        assertThat(metrics.available()).isFalse();
        assertThat(metrics.unavailableReason()).isEqualTo("no transcript segments");
        assertThat(metrics.speakers()).isEmpty();
        assertThat(metrics.repTalkRatio()).isNull();
    }

    @Test
    void unavailableWhenNoSegmentNamesItsSpeaker() {
        var metrics = calculator.compute(call(600, "fr", List.of(
                seg(null, null, 0, "Bonjour ?"), seg(" ", null, 10, "Oui bonjour."))));
        assertThat(metrics.available()).isFalse();
        assertThat(metrics.unavailableReason()).contains("speakers can't be told apart");
    }

    @Test
    void repUnknownLeavesRepFiguresEmpty() {
        var metrics = calculator.compute(call(60, "fr", List.of(
                seg("Zoé", null, 0, "Bonjour ?"), seg("Yann", null, 10, "Bonjour."))));
        assertThat(metrics.available()).isTrue();
        assertThat(metrics.repTalkRatio()).isNull();
        assertThat(metrics.repQuestions()).isNull();
        assertThat(metrics.speakers()).noneMatch(SpeakerStats::rep);
    }
}
