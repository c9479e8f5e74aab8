package com.salesai.analysis.injection;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.TranscriptSegment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds text aimed at an AI evaluator in what a rep or a prospect controls: the transcript, the title, the names of
 * the rep, participants and speakers, and the rep's highlights. Deterministic, no LLM: the text is folded (NFKD
 * without accents, lower case, every non-letter-or-digit a single space) and searched for a short list of French and
 * English phrasings. The list is kept narrow on purpose: "you are now" or "tu es maintenant" count only when followed
 * by an AI role ("tu es maintenant chez Orange ?" is sales talk), "ignore" only with "previous instructions" and the
 * like ("ignorez le prix pour l'instant" is sales talk too). A hit flags the call for review; it is still evaluated.
 */
public final class InjectionDetector {
    /** Who a note is addressed to: the AI, never a person ("a message to the assistant of your CEO"). */
    private static final String ADDRESSEE = "(ai|a i|llm|gpt|chatgpt|language model|ai model|evaluator|grader"
            + "|ia|i a|intelligence artificielle|evaluateur|correcteur)";
    /** What "you are now ..." turns the model into. */
    private static final String ROLE = "(ai|a i|llm|gpt|chatgpt|language model|model|assistant|bot|chatbot|evaluator"
            + "|grader|judge|ia|i a|intelligence artificielle|modele|evaluateur|correcteur|juge|robot)";
    /** U+0300, the first combining mark: every character below is kept as it is. */
    private static final char FIRST_MARK = '\u0300';
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z0-9]+");
    /** Each phrase starts with a word or a group of words, so {@link #FIRST_WORDS} can tell where to try them. */
    private static final List<String> PHRASE_REGEXES = List.of(
            // English
            "(ignore|disregard|forget|override) (all |any )?(of )?(the |your |my |these )?(previous|prior|above"
                    + "|earlier|preceding|former) (instructions|prompts|rules|directions|guidelines)",
            "(note|message|instruction|instructions) (for|to) (the )?" + ADDRESSEE,
            "give (this|the) (call|meeting|conversation) (a )?((score|rating|grade|mark) of )?(100|a perfect score)",
            "(this|the) (call|meeting|conversation) deserves (a )?((score|rating|grade) of )?100",
            "system prompt",
            "you are now (an? |the |my )?" + ROLE,
            "you are now in (developer|god|admin|unrestricted|jailbreak) mode",
            // French
            "(ignore|ignorez|oublie|oubliez) (toutes )?(les |tes |vos |ces )?(instructions|consignes|regles)"
                    + " (precedentes|anterieures|ci dessus|d avant)",
            "(oublie|oubliez) (toutes )?(tes|vos) (instructions|consignes|regles)",
            "(note|message|consigne) (pour|a|a l attention de) (l |le |la )?" + ADDRESSEE,
            "(donne|donnez|mets|mettez|attribue|attribuez) a (cet|cette|l) (appel|reunion|conversation|echange)"
                    + " (la |une )?(note|score) (de )?(100|maximale)",
            "(donne|donnez|mets|mettez|attribue|attribuez) (la note de |une note de )?100 a (cet|cette|l)"
                    + " (appel|reunion|conversation|echange)",
            "(cet|cette|l) (appel|reunion|conversation|echange) merite (la note de |une note de )?100",
            "prompt systeme",
            "(tu es|vous etes) (maintenant|desormais|a present) (un |une |l |le |la )?" + ROLE);
    /** Every phrase in one alternation, matched on whole words of the folded text. */
    private static final Pattern PHRASES = Pattern.compile(" (?:" + String.join("|", PHRASE_REGEXES) + ") ");
    private static final Set<String> FIRST_WORDS = PHRASE_REGEXES.stream().flatMap(InjectionDetector::firstWords)
            .collect(Collectors.toUnmodifiableSet());

    private InjectionDetector() {
    }

    public static boolean suspects(CallRecorded call) {
        return suspects(texts(call));
    }

    static boolean suspects(List<String> texts) {
        String folded = fold(String.join("\n", texts));
        Matcher matcher = PHRASES.matcher(folded);
        // The phrases are tried only where a word that can start one follows a space: one regex attempt per such
        // word instead of the regex's own attempt at every character (most of a call's CPU here).
        for (int space = 0, next; (next = folded.indexOf(' ', space + 1)) > 0; space = next) {
            if (FIRST_WORDS.contains(folded.substring(space + 1, next))
                    && matcher.region(space, folded.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(CallRecorded call) {
        List<String> texts = new ArrayList<>();
        texts.add(call.title());
        if (call.recordedBy() != null) {
            texts.add(call.recordedBy().name());
        }
        call.participants().stream().map(Participant::name).forEach(texts::add);
        for (TranscriptSegment segment : call.transcript()) {
            texts.add(segment.speaker());
            texts.add(segment.text());
        }
        texts.add(call.transcriptPlaintext());
        for (Highlight highlight : call.highlights()) {
            texts.add(highlight.text());
            texts.add(highlight.summary());
        }
        texts.removeIf(text -> text == null || text.isBlank());
        return texts;
    }

    /**
     * " " + the words of {@code text}, accents removed, lower case, one space apart + " ". Scanned by hand (a regex
     * replace per step was most of a call's CPU here). Marks go before lower-casing, which is the whole string's
     * (context-dependent: a final sigma), as the regex steps did.
     */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder withoutMarks = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            char c = decomposed.charAt(i);
            if (c < FIRST_MARK) {
                withoutMarks.append(c);
                i++;
                continue;
            }
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!isMark(codePoint)) {
                withoutMarks.appendCodePoint(codePoint);
            }
        }
        String lower = withoutMarks.toString().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length() + 2).append(' ');
        boolean separate = false;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < 0x80 ? isAsciiLetterOrDigit(codePoint) : isLetterOrNumber(codePoint)) {
                if (separate && folded.length() > 1) {
                    folded.append(' ');
                }
                separate = false;
                folded.appendCodePoint(codePoint);
            } else {
                separate = true;
            }
        }
        return folded.append(' ').toString();
    }

    /** The regex class {@code \p{M}}. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    /** The regex classes {@code \p{L}} and {@code \p{N}}. */
    private static boolean isLetterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The words {@code regex} can start with: its leading word, or each first word of its leading group. */
    private static Stream<String> firstWords(String regex) {
        int groupEnd = regex.indexOf(')');
        Stream<String> words = regex.startsWith("(") && regex.charAt(groupEnd + 1) == ' '
                ? Stream.of(regex.substring(1, groupEnd).split("\\|")).map(alternative -> alternative.split(" ")[0])
                : Stream.of(regex.substring(0, regex.indexOf(' ')));
        return words.peek(word -> {
            if (!PLAIN_WORD.matcher(word).matches()) {
                throw new IllegalStateException("a phrase must start with plain words: " + regex);
            }
        });
    }
}
