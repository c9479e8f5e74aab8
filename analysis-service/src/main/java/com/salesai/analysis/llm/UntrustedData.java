package com.salesai.analysis.llm;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Fences what comes from the call (transcript, title, names, highlights, chunk notes) in the prompt: between a line
 * {@code <<<DONNÉES_NON_FIABLES id=...>>>} and a line {@link #CLOSE}, which the instructions say hold data, never
 * instructions. So that data cannot close its block and write outside it, anything in it that looks like a delimiter
 * is neutralized first: the marker words in any case, with or without accents, separators or invisible characters
 * ({@code FIN_DONNÉES_NON_FIABLES}, {@code donnees non fiables}, ...) become {@value #REMOVED}, and runs of angle
 * brackets ({@code <<<}, {@code ＞＞}, ...) become one. The data is put in NFKC form for that (full-width and other
 * look-alike letters folded), which evidence verification does too.
 */
final class UntrustedData {
    static final String CLOSE = "<<<FIN_DONNÉES_NON_FIABLES>>>";
    static final String REMOVED = "[balise retirée]";
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    private static final Pattern MARKER = Pattern.compile(
            "(?:fin[\\s_\\-]*)?donn\\p{L}\\p{M}*es[\\s_\\-]*non[\\s_\\-]*fiables",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OPENING_RUN = Pattern.compile("<(?:\\s*<)+");
    private static final Pattern CLOSING_RUN = Pattern.compile(">(?:\\s*>)+");

    private UntrustedData() {
    }

    static String open(String id) {
        return "<<<DONNÉES_NON_FIABLES id=" + id + ">>>";
    }

    static String fence(String id, String data) {
        return open(id) + "\n" + neutralize(data) + "\n" + CLOSE;
    }

    static String neutralize(String data) {
        if (data == null) {
            return "";
        }
        String text = INVISIBLE.matcher(Normalizer.normalize(data, Normalizer.Form.NFKC)).replaceAll("");
        text = MARKER.matcher(text).replaceAll(REMOVED);
        text = OPENING_RUN.matcher(text).replaceAll("<");
        return CLOSING_RUN.matcher(text).replaceAll(">");
    }
}
