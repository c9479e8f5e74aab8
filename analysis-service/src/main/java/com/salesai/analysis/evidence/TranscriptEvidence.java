package com.salesai.analysis.evidence;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that an evidence quote really is in a call's transcript, both compared as {@link QuoteNormalizer} writes
 * them, and as they are (a quote is never translated).
 * <ol>
 *   <li>Exact: the quote's words appear, in order and contiguous, inside one segment or across the end of one
 *   segment and the start of the next.</li>
 *   <li>Else fuzzy: token similarity {@code 1 - d / n} of at least 0.9, where {@code n} is the
 *   quote's word count and {@code d} the smallest word-level Levenshtein distance (insertions, deletions and
 *   substitutions of whole words) between the quote and any contiguous run of the transcript's words. So a
 *   10-word quote may differ by one word, a quote under 10 words must match word for word.</li>
 * </ol>
 * The found segment (the first one when the quote spans two) gives the quote its {@code segmentIndex} and its
 * timestamp (HH:MM:SS of the segment's offset; none when the transcript has no offsets). A transcript without
 * segments is verified against its plaintext lines, each line counting as a segment.
 */
public final class TranscriptEvidence {
    private final List<Integer> offsets;
    /** " " + each segment's normalized text followed by " ": exact matches are substring searches in it. */
    private final String joined;
    private final int[] segmentStarts;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final int[] tokens;
    private final int[] tokenSegments;

    TranscriptEvidence(List<String> segmentTexts, List<Integer> offsets) {
        this.offsets = offsets;
        StringBuilder text = new StringBuilder(" ");
        segmentStarts = new int[segmentTexts.size()];
        List<Integer> tokenIds = new ArrayList<>();
        List<Integer> segmentOfToken = new ArrayList<>();
        for (int i = 0; i < segmentTexts.size(); i++) {
            String normalized = QuoteNormalizer.normalize(segmentTexts.get(i));
            segmentStarts[i] = text.length();
            text.append(normalized).append(' ');
            if (!normalized.isEmpty()) {
                for (String token : normalized.split(" ")) {
                    tokenIds.add(vocabulary.computeIfAbsent(token, t -> vocabulary.size()));
                    segmentOfToken.add(i);
                }
            }
        }
        joined = text.toString();
        tokens = tokenIds.stream().mapToInt(Integer::intValue).toArray();
        tokenSegments = segmentOfToken.stream().mapToInt(Integer::intValue).toArray();
    }

    public static TranscriptEvidence of(CallRecorded call) {
        if (!call.transcript().isEmpty()) {
            return new TranscriptEvidence(call.transcript().stream().map(TranscriptSegment::text).toList(),
                    call.transcript().stream().map(TranscriptSegment::offsetSeconds).toList());
        }
        String plaintext = call.transcriptPlaintext();
        List<String> lines = plaintext == null || plaintext.isBlank() ? List.of() : plaintextLines(plaintext);
        return new TranscriptEvidence(lines, Arrays.asList(new Integer[lines.size()]));
    }

    /** The lines a plaintext transcript is shown to the model as, and verified against: one segment each. */
    public static List<String> plaintextLines(String plaintext) {
        return List.of(plaintext.split("\\R"));
    }

    /** The quote, verified with its segment's timestamp and index, or kept as the model gave it, unverified. */
    public Evaluation.Evidence verify(String quote, String modelTimestamp) {
        QuoteMatch match = match(quote);
        if (!match.found()) {
            return new Evaluation.Evidence(quote, modelTimestamp, false, null);
        }
        Integer offset = offsets.get(match.segmentIndex());
        return new Evaluation.Evidence(quote, offset == null ? null : ClockTime.of(offset), true, match.segmentIndex());
    }

    QuoteMatch match(String quote) {
        String normalized = QuoteNormalizer.normalize(quote);
        if (normalized.isEmpty() || tokens.length == 0) {
            return QuoteMatch.NONE;
        }
        Integer exact = exact(normalized);
        if (exact != null) {
            return new QuoteMatch(QuoteMatch.Kind.EXACT, exact, 1.0);
        }
        return fuzzy(normalized.split(" "));
    }

    private Integer exact(String normalizedQuote) {
        String needle = " " + normalizedQuote + " ";
        for (int at = joined.indexOf(needle); at >= 0; at = joined.indexOf(needle, at + 1)) {
            int first = segmentAt(at + 1);
            int last = segmentAt(at + needle.length() - 2);
            if (last - first <= 1) {
                return first;
            }
        }
        return null;
    }

    /** The segment whose normalized text holds character {@code index} of {@link #joined}. */
    private int segmentAt(int index) {
        int found = Arrays.binarySearch(segmentStarts, index);
        return found >= 0 ? found : -found - 2;
    }

    /**
     * Approximate matching (Sellers): a word-level Levenshtein table whose first row is all zeros, so the match may
     * start anywhere in the transcript; each cell also carries the transcript position its alignment started at.
     * O(quote words x transcript words) time, two rows of memory.
     */
    private QuoteMatch fuzzy(String[] quoteWords) {
        int n = quoteWords.length;
        int m = tokens.length;
        int[] quote = new int[n];
        for (int i = 0; i < n; i++) {
            quote[i] = vocabulary.getOrDefault(quoteWords[i], -1);
        }
        int[] previous = new int[m + 1];
        int[] previousStart = new int[m + 1];
        int[] current = new int[m + 1];
        int[] currentStart = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previousStart[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            currentStart[0] = 0;
            for (int j = 1; j <= m; j++) {
                int cost = previous[j - 1] + (quote[i - 1] == tokens[j - 1] ? 0 : 1);
                int start = previousStart[j - 1];
                if (previous[j] + 1 < cost) {
                    cost = previous[j] + 1;
                    start = previousStart[j];
                }
                if (current[j - 1] + 1 < cost) {
                    cost = current[j - 1] + 1;
                    start = currentStart[j - 1];
                }
                current[j] = cost;
                currentStart[j] = start;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
            swap = previousStart;
            previousStart = currentStart;
            currentStart = swap;
        }
        int bestEnd = 1;
        for (int j = 2; j <= m; j++) {
            if (previous[j] < previous[bestEnd]) {
                bestEnd = j;
            }
        }
        int distance = previous[bestEnd];
        double similarity = 1.0 - (double) distance / n;
        if (10 * distance > n) { // similarity under 0.9
            return new QuoteMatch(QuoteMatch.Kind.NONE, null, similarity);
        }
        int start = Math.min(previousStart[bestEnd], m - 1);
        return new QuoteMatch(QuoteMatch.Kind.FUZZY, tokenSegments[start], similarity);
    }
}
