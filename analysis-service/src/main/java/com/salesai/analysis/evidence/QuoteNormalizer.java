package com.salesai.analysis.evidence;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The form quotes and transcript are compared in: Unicode NFKC, lower case, and every character that is not a
 * letter, digit or combining mark turned into a separator, so punctuation, quote marks of any kind (’ ' « » " “ ”),
 * hyphens and runs of whitespace all become one space. Accents are kept: "démo" and "demo" are different words.
 */
final class QuoteNormalizer {
    private QuoteNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean separate = false;
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (partOfWord(codePoint)) {
                if (separate && !out.isEmpty()) {
                    out.append(' ');
                }
                separate = false;
                out.appendCodePoint(codePoint);
            } else {
                separate = true;
            }
        }
        return out.toString();
    }

    static List<String> tokens(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    private static boolean partOfWord(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
