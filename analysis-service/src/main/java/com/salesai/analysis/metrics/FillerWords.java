package com.salesai.analysis.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Filler-word lists per language, matched on word boundaries (letters/digits), case-insensitive, and counted per
 * list entry. The call's language picks the list; an unknown language uses both, because a wrong guess would hide
 * every filler.
 */
final class FillerWords {
    static final List<String> FRENCH = List.of("euh", "hum", "ben", "bah", "genre", "du coup", "en fait", "voilà", "quoi");
    static final List<String> ENGLISH = List.of("um", "uh", "like", "you know", "basically", "actually", "so", "i mean");

    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    private FillerWords(List<String> entries) {
        for (String entry : entries) {
            String phrase = Pattern.quote(entry).replace(" ", "\\E\\s+\\Q");
            patterns.put(entry, Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    static FillerWords forLanguage(String language) {
        String code = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (code.startsWith("fr")) {
            return new FillerWords(FRENCH);
        }
        if (code.startsWith("en")) {
            return new FillerWords(ENGLISH);
        }
        return new FillerWords(java.util.stream.Stream.concat(FRENCH.stream(), ENGLISH.stream()).toList());
    }

    /** Occurrences per entry in {@code text}; entries that do not occur are left out. */
    Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
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
