package com.salesai.analysis.injection;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InjectionDetector#fold} scans by hand what three regex steps did; the steps are kept here as the oracle.
 * The alphabet is the hard cases: accents precomposed and combining, ligatures and full-width letters (NFKD),
 * dotted capital I and final sigma (lower case of a whole string), other numbers, a supplementary letter, lone
 * surrogates, format characters, quote marks, punctuation and every kind of whitespace.
 */
class FoldEquivalencePropertyTest {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String ALPHABET = "aAzZéÉèçÇœŒﬁﬂＡｂ１İıΣσςΑ²½Ⅳǅ\u0301\u0308\u20DD\u0903"
            + "\uD835\uDC00\uD800\uDC00\u200B\u00AD«»’'\"“”-_.,;:!?()<>   \t\n\r\u00A0\u2028\u3000";

    @Property(tries = 2_000)
    void foldsAsTheRegexStepsDid(@ForAll("texts") String text) {
        assertThat(InjectionDetector.fold(text)).isEqualTo(regexFold(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> single = Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
        return single.list().ofMaxSize(40).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    private static String regexFold(String text) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return " " + SEPARATORS.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
    }
}
