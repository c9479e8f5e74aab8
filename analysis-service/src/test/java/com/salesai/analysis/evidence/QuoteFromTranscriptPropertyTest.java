package com.salesai.analysis.evidence;

import com.salesai.schema.events.Evaluation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any run of whole words cut from a transcript, as written there (case, accents, apostrophes, quote marks and
 * punctuation included), verifies with the segment it was cut from and that segment's timestamp. Every word carries
 * a tag unique in its transcript, so the run occurs nowhere else.
 */
class QuoteFromTranscriptPropertyTest {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzéèêëàâçôûùïîœÉÈÀÇÔ";
    private static final String TAG_LETTERS = "bcdfghjklmnpqrstvwxz";

    @Property(tries = 300)
    void aRunOfWordsInsideOneSegmentVerifiesWithThatSegment(@ForAll("transcripts") List<List<String>> segments,
                                                             @ForAll @IntRange(max = 10_000) int pick,
                                                             @ForAll @IntRange(max = 10_000) int from,
                                                             @ForAll @IntRange(max = 10_000) int length) {
        int segment = pick % segments.size();
        List<String> words = segments.get(segment);
        int start = from % words.size();
        int end = start + 1 + length % (words.size() - start);
        String quote = String.join(" ", words.subList(start, end));

        assertThat(evidence(segments).verify(quote, "99:99:99"))
                .isEqualTo(new Evaluation.Evidence(quote, ClockTime.of(offset(segment)), true, segment));
    }

    @Property(tries = 300)
    void aRunOverTheEndOfOneSegmentAndTheStartOfTheNextVerifiesWithTheFirst(
            @ForAll("transcripts") List<List<String>> segments, @ForAll @IntRange(max = 10_000) int pick,
            @ForAll @IntRange(max = 10_000) int tail, @ForAll @IntRange(max = 10_000) int head) {
        if (segments.size() < 2) {
            segments = List.of(segments.get(0), List.of("suite" + tag(10_000)));
        }
        int segment = pick % (segments.size() - 1);
        List<String> first = segments.get(segment);
        List<String> next = segments.get(segment + 1);
        String quote = String.join(" ", first.subList(first.size() - 1 - tail % first.size(), first.size())) + " "
                + String.join(" ", next.subList(0, 1 + head % next.size()));

        assertThat(evidence(segments).verify(quote, null))
                .isEqualTo(new Evaluation.Evidence(quote, ClockTime.of(offset(segment)), true, segment));
    }

    private static TranscriptEvidence evidence(List<List<String>> segments) {
        return new TranscriptEvidence(segments.stream().map(words -> String.join(" ", words)).toList(),
                IntStream.range(0, segments.size()).mapToObj(QuoteFromTranscriptPropertyTest::offset).toList());
    }

    private static Integer offset(int segment) {
        return segment * 17;
    }

    /** Segments of words like {@code «L'été-bq,}: punctuation around letters in any case, and the unique tag. */
    @Provide
    Arbitrary<List<List<String>>> transcripts() {
        Arbitrary<String> before = Arbitraries.of("", "", "«", "« ", "\"", "“", "(", "l'", "qu’", "-");
        Arbitrary<String> letters = Arbitraries.strings().withChars(LETTERS).ofMinLength(0).ofMaxLength(7)
                .map(word -> word.length() > 1 && word.hashCode() % 3 == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word);
        Arbitrary<String> after = Arbitraries.of("", "", "", ",", ".", "?", " ?", "!", "…", "»", " »", "”", "'s", "-là");
        Arbitrary<String[]> word = Combinators.combine(before, letters, after).as((b, l, a) -> new String[]{b, l, a});
        return word.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(8).map(raw -> {
            List<List<String>> segments = new ArrayList<>();
            int count = 0;
            for (List<String[]> rawWords : raw) {
                List<String> words = new ArrayList<>();
                for (String[] parts : rawWords) {
                    words.add(parts[0] + parts[1] + tag(count++) + parts[2]);
                }
                segments.add(words);
            }
            return segments;
        });
    }

    /** Consonants only, so a tag never spells a word of the generated letters' vowels plus another tag. */
    private static String tag(int number) {
        StringBuilder tag = new StringBuilder("q");
        do {
            tag.append(TAG_LETTERS.charAt(number % TAG_LETTERS.length()));
            number /= TAG_LETTERS.length();
        } while (number > 0);
        return tag.toString();
    }
}
