package com.salesai.schema.fathom;

import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import java.util.Random;

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

    @Test
    void readsLinesExactlyAsTheRegexDid() {
        String[] fragments = {"Alice", "Bob Smith", "Dr.", " J.", "x", "é", "Ünal", "a", "A".repeat(30), ":", ": ", ":",
                " ", "  ", "\t", "\u2003", "\u00A0", "\f", "[", "]", "-", " - ", "0", "1", "12", "123", "1234", ":30",
                ":05", ":7", "12:34", "1:02:03", "[00:00:05]", "999:59", ",", ";", "!", "?", "\"", ".", ". ", ". so",
                ". So", "https://x", "\n", "\r\n", "\r", "\u2028", "\u0085", "\u000B", "😀"};
        // Corners of the regex's backtracking first: a dash or space given back to the name, brackets, 3-digit stamps.
        for (String line : new String[]{"12:34 -: hi", "12:34 - : hi", "[1:02:03]-: x", "12:34: hi", "1:234: x",
                "12:34]]: x", "[12:34] Bob:hi", "999:59 Bob: x", "1: hello", "12:30:45: hi", "  : x", ":x", "a:"}) {
            assertThat(PlaintextTranscriptParser.parse(line)).as("parse of [%s]", line)
                    .isEqualTo(RegexPlaintextParser.parse(line));
        }
        Random random = new Random(20261125);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(14);
            for (int i = 0; i < parts; i++) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            String plaintext = text.toString();
            assertThat(PlaintextTranscriptParser.parse(plaintext)).as("parse of [%s]", plaintext)
                    .isEqualTo(RegexPlaintextParser.parse(plaintext));
        }
    }
}
