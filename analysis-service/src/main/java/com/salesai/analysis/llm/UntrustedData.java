package com.salesai.analysis.llm;

import java.text.Normalizer;
import java.util.regex.Matcher;
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
    private static final String MARKER_TAIL = "donn\\p{L}\\p{M}*es[\\s_\\-]*non[\\s_\\-]*fiables";
    private static final Pattern MARKER = Pattern.compile("(?:fin[\\s_\\-]*)?" + MARKER_TAIL,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A marker from its "donn": only d, o and n fold to those letters, so a marker holds an ASCII "donn". */
    private static final Pattern MARKER_FROM_DONN = Pattern.compile(MARKER_TAIL,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** U+00AD (soft hyphen), the first format character. */
    private static final char FIRST_FORMAT = '\u00AD';
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

    /**
     * The regex replaces run only on data that holds what they replace: each was a scan of the whole data (the
     * transcript, 60 KB an hour) at every character, most of a call's CPU, for data that almost never has any.
     */
    static String neutralize(String data) {
        if (data == null) {
            return "";
        }
        String text = withoutFormatCharacters(Normalizer.normalize(data, Normalizer.Form.NFKC));
        if (holdsMarker(text)) {
            text = MARKER.matcher(text).replaceAll(REMOVED);
        }
        if (text.indexOf('<') >= 0) {
            text = OPENING_RUN.matcher(text).replaceAll("<");
        }
        return text.indexOf('>') >= 0 ? CLOSING_RUN.matcher(text).replaceAll(">") : text;
    }

    /** The text without its {@code \p{Cf}} (invisible format) characters. */
    private static String withoutFormatCharacters(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int codePoint = c < FIRST_FORMAT ? c : text.codePointAt(i);
            boolean format = c >= FIRST_FORMAT && Character.getType(codePoint) == Character.FORMAT;
            if (format && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!format && kept != null) {
                kept.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean holdsMarker(String text) {
        Matcher matcher = MARKER_FROM_DONN.matcher(text);
        for (int at = 0; at + 4 <= text.length(); at++) {
            if ((text.charAt(at) | 0x20) == 'd' && text.regionMatches(true, at, "donn", 0, 4)
                    && matcher.region(at, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
