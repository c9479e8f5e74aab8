package com.salesai.analysis.llm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UntrustedData#neutralize} skips the regex replaces on data without what they replace; the four replaces run
 * on every text are kept here as the oracle. Texts are pieces of markers (any case, accents precomposed or
 * combining, full-width), separators, format characters (one supplementary) and angle brackets.
 */
class NeutralizeEquivalencePropertyTest {
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    private static final Pattern MARKER = Pattern.compile(
            "(?:fin[\\s_\\-]*)?donn\\p{L}\\p{M}*es[\\s_\\-]*non[\\s_\\-]*fiables",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OPENING_RUN = Pattern.compile("<(?:\\s*<)+");
    private static final Pattern CLOSING_RUN = Pattern.compile(">(?:\\s*>)+");

    @Property(tries = 3_000)
    void neutralizesAsTheFourReplacesDid(@ForAll("texts") String text) {
        assertThat(UntrustedData.neutralize(text)).isEqualTo(regexNeutralize(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("fin", "FIN", "Fin", "donn", "DONN", "ＤＯＮＮ", "ées", "ÉES", "e\u0301es", "es", "non",
                        "NON", "fiables", "FIABLES", "ｆｉａｂｌｅｓ", "_", "-", " ", "\n", "\t", "<", ">", "＜", "＞",
                        "\u200B", "\u00AD", "\uDB40\uDC01", "\u2060", "x", "d", "D", "donne", "données", "ﬁ", "«", "’",
                        "données_non_fiables", "FIN DONNEES-NON-FIABLES", "Donn\u200BÉes non\u00ADfiables",
                        "donnïes  non__fiables", "DONNE\u0301ES NON FIABLES")
                .list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    private static String regexNeutralize(String data) {
        String text = INVISIBLE.matcher(Normalizer.normalize(data, Normalizer.Form.NFKC)).replaceAll("");
        text = MARKER.matcher(text).replaceAll(UntrustedData.REMOVED);
        text = OPENING_RUN.matcher(text).replaceAll("<");
        return CLOSING_RUN.matcher(text).replaceAll(">");
    }
}
