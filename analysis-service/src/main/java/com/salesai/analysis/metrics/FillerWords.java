package com.salesai.analysis.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Filler-word lists per language, matched on word boundaries (letters/digits), case-insensitive, and counted per
 * list entry; a space in an entry matches any run of whitespace. The call's language picks the list; an unknown
 * language uses both, because a wrong guess would hide every filler.
 *
 * <p>One hand-written pass per text instead of a regex per entry: an entry is only tried where a word starts, which
 * is what the regex's look-behind amounted to, at a fraction of the cost on hour-long calls. Case folding is the
 * regex's own ({@code CASE_INSENSITIVE | UNICODE_CASE}: lower case of upper case, per code point).
 */
final class FillerWords {
    static final List<String> FRENCH = List.of("euh", "hum", "ben", "bah", "genre", "du coup", "en fait", "voilà", "quoi");
    static final List<String> ENGLISH = List.of("um", "uh", "like", "you know", "basically", "actually", "so", "i mean");

    private final List<String> entries;
    /** Each entry folded, per code point; a space stands for one or more whitespace characters. */
    private final int[][] folded;

    private FillerWords(List<String> entries) {
        this.entries = entries;
        this.folded = entries.stream().map(entry -> entry.codePoints().map(FillerWords::fold).toArray())
                .toArray(int[][]::new);
    }

    static FillerWords forLanguage(String language) {
        String code = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (code.startsWith("fr")) {
            return new FillerWords(FRENCH);
        }
        if (code.startsWith("en")) {
            return new FillerWords(ENGLISH);
        }
        return new FillerWords(Stream.concat(FRENCH.stream(), ENGLISH.stream()).toList());
    }

    /** Occurrences per entry in {@code text}, in list order; entries that do not occur are left out. */
    Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        int[] perEntry = new int[folded.length];
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // The char before, not the code point: after a supplementary letter the regex saw a lone low surrogate.
            if (i == 0 || !isWordChar(text.charAt(i - 1))) {
                int first = fold(codePoint);
                for (int e = 0; e < folded.length; e++) {
                    if (folded[e][0] == first && matchesAt(text, i, folded[e])) {
                        perEntry[e]++;
                    }
                }
            }
            i += Character.charCount(codePoint);
        }
        for (int e = 0; e < perEntry.length; e++) {
            if (perEntry[e] > 0) {
                counts.put(entries.get(e), perEntry[e]);
            }
        }
        return counts;
    }

    /** The entry at {@code start}, not followed by a letter or digit. */
    private static boolean matchesAt(String text, int start, int[] entry) {
        int i = start;
        for (int wanted : entry) {
            if (wanted == ' ') {
                int spaces = i;
                while (i < text.length() && isRegexSpace(text.charAt(i))) {
                    i++;
                }
                if (i == spaces) {
                    return false;
                }
                continue;
            }
            if (i >= text.length()) {
                return false;
            }
            int codePoint = text.codePointAt(i);
            if (fold(codePoint) != wanted) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return i >= text.length() || !isWordChar(text.codePointAt(i));
    }

    /** Letter or digit as the regex classes {@code \p{L}} and {@code \p{N}} define them. */
    static boolean isWordChar(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The regex class {@code \s} without UNICODE_CHARACTER_CLASS. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }
}
