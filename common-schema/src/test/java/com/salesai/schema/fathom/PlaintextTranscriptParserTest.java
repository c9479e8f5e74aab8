package com.salesai.schema.fathom;

import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaintextTranscriptParserTest {

    private static TranscriptSegment segment(String speaker, String text, Integer offset) {
        return new TranscriptSegment(speaker, null, text, offset);
    }

    @Test
    void speakerLinesWithoutStamps() {
        assertThat(PlaintextTranscriptParser.parse("Alice: Hello\r\nBob Smith: Hi Alice"))
                .containsExactly(segment("Alice", "Hello", null), segment("Bob Smith", "Hi Alice", null));
    }

    @Test
    void everyStampStyle() {
        assertThat(PlaintextTranscriptParser.parse("""
                [00:00:05] Alice: One
                00:01:10 Bob: Two
                02:03 Alice: Three
                1:00:00 - Bob: Four
                [12:34] - Alice: Five"""))
                .containsExactly(
                        segment("Alice", "One", 5),
                        segment("Bob", "Two", 70),
                        segment("Alice", "Three", 123),
                        segment("Bob", "Four", 3600),
                        segment("Alice", "Five", 754));
    }

    @Test
    void continuationLinesJoinThePreviousSegment() {
        assertThat(PlaintextTranscriptParser.parse("Intro line dropped\nAlice: Hello\nhow are you?\n\nfine\nBob: ok"))
                .containsExactly(segment("Alice", "Hello how are you? fine", null), segment("Bob", "ok", null));
    }

    @Test
    void speakerWithTextOnTheNextLine() {
        assertThat(PlaintextTranscriptParser.parse("Alice:\nHello there\nBob:"))
                .containsExactly(segment("Alice", "Hello there", null));
    }

    @Test
    void noSpeakersMeansNoSegments() {
        assertThat(PlaintextTranscriptParser.parse("...")).isEmpty();
        assertThat(PlaintextTranscriptParser.parse("We met at 12:30 and read https://example.com/x")).isEmpty();
        assertThat(PlaintextTranscriptParser.parse(null)).isEmpty();
        assertThat(PlaintextTranscriptParser.parse("")).isEmpty();
    }

    @Test
    void sentencesAreNotSpeakers() {
        assertThat(PlaintextTranscriptParser.parse("""
                Alice: Let's start.
                As discussed in the previous meeting with the team: budget is fixed
                Ok, so the agenda: pricing
                Really? Yes: sure
                This is a name with far too many words: text
                Bob: Agreed"""))
                .containsExactly(
                        segment("Alice", "Let's start. As discussed in the previous meeting with the team: budget is fixed"
                                + " Ok, so the agenda: pricing Really? Yes: sure"
                                + " This is a name with far too many words: text", null),
                        segment("Bob", "Agreed", null));
    }

    @Test
    void namesWithInitialsAndShortLabelsAreSpeakers() {
        assertThat(PlaintextTranscriptParser.parse("Dr. J. Doe: Hello\nSpeaker 2: Hi"))
                .containsExactly(segment("Dr. J. Doe", "Hello", null), segment("Speaker 2", "Hi", null));
    }

    @Test
    void nameLongerThanSixtyCharactersIsNotASpeaker() {
        String longName = "A".repeat(61);
        assertThat(PlaintextTranscriptParser.parse(longName + ": text")).isEmpty();
        assertThat(PlaintextTranscriptParser.parse("A".repeat(60) + ": text")).hasSize(1);
    }
}
