package com.salesai.analysis.metrics;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written scanners against the regexes they replaced (kept here as the reference): same counts on texts
 * built from filler fragments, word boundaries, odd whitespace, case variants and non-ASCII letters and digits.
 */
class FillerWordsTest {
    private static final String[] FRAGMENTS = {
            "euh", "EUH", "hum", "um", "uh", "Uh", "ben", "bah", "genre", "du", "coup", "en", "fait", "voilà", "VOILÀ",
            "quoi", "quoique", "like", "unlike", "likely", "you", "know", "basically", "actually", "so", "SO", "i",
            "İ", "ı", "ſo", "mean", "é", "x", "7", "٣", "Ⅻ", "😀", "𝐀", " ", " ", "  ", "\t", "\n", "\u000B", "\f",
            "\r", "\u00A0", "\u2003", ",", ".", "'", "-", "?", "??", "_", "\u0001"};

    @Test
    void countsLikeOneRegexPerEntryOnRandomTexts() {
        Random random = new Random(20261125);
        for (String language : new String[]{"fr", "en", null}) {
            FillerWords fillers = FillerWords.forLanguage(language);
            Map<String, Pattern> reference = referencePatterns(language);
            for (int n = 0; n < 3000; n++) {
                String text = randomText(random);
                assertThat(fillers.count(text)).as("fillers in [%s]", text).containsExactlyEntriesOf(referenceCount(reference, text));
            }
        }
    }

    @Test
    void countsWordsAndQuestionsLikeTheRegexes() {
        Random random = new Random(7);
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]");
        for (int n = 0; n < 5000; n++) {
            String text = randomText(random);
            int words = 0;
            for (String token : text.trim().split("\\s+")) {
                if (word.matcher(token).find()) {
                    words++;
                }
            }
            assertThat(ConversationMetricsCalculator.wordsIn(text)).as("words in [%s]", text).isEqualTo(words);
            assertThat(ConversationMetricsCalculator.questionsIn(text)).as("questions in [%s]", text)
                    .isEqualTo((int) Pattern.compile("\\?+").matcher(text).results().count());
        }
    }

    @Test
    void multiWordEntriesSpanAnyWhitespaceButNeedSome() {
        FillerWords english = FillerWords.forLanguage("en-US");

        assertThat(english.count("You\t\n know, I  mean")).containsExactly(Map.entry("you know", 1),
                Map.entry("i mean", 1));
        assertThat(english.count("youknow imean")).isEmpty();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int fragments = random.nextInt(12);
        for (int i = 0; i < fragments; i++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return text.toString();
    }

    private static Map<String, Pattern> referencePatterns(String language) {
        List<String> entries = "fr".equals(language) ? FillerWords.FRENCH : "en".equals(language)
                ? FillerWords.ENGLISH : java.util.stream.Stream.concat(FillerWords.FRENCH.stream(),
                FillerWords.ENGLISH.stream()).toList();
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String entry : entries) {
            String phrase = Pattern.quote(entry).replace(" ", "\\E\\s+\\Q");
            patterns.put(entry, Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return patterns;
    }

    private static Map<String, Integer> referenceCount(Map<String, Pattern> patterns, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text.isBlank()) {
            return counts;
        }
        patterns.forEach((entry, pattern) -> {
            int n = (int) pattern.matcher(text).results().count();
            if (n > 0) {
                counts.put(entry, n);
            }
        });
        return counts;
    }
}
