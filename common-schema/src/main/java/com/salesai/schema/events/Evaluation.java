package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The sales-coach evaluation of a call, written in {@code language}. {@code overallScore} is computed from the
 * criteria's scores (after the evidence cap) and weights, never taken from the model. {@code quotesVerified} of
 * {@code quotesTotal} evidence quotes were found in the transcript.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evaluation(
        List<CriterionScore> scores,
        int overallScore,
        Outcome outcome,
        String summary,
        List<String> strengths,
        List<String> improvements,
        List<NextStep> nextSteps,
        List<String> risks,
        String coaching,
        String language,
        Scorecard scorecard,
        int quotesVerified,
        int quotesTotal) {

    public Evaluation {
        scores = scores == null ? List.of() : List.copyOf(scores);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        improvements = improvements == null ? List.of() : List.copyOf(improvements);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    /**
     * One criterion's score (1-5, capped at 2 when no quote supports it); {@code criterion} is the key of a criterion
     * of the call's scorecard ({@code discovery}, {@code economic_buyer}, ...), {@code label} and {@code weight} as
     * that scorecard had them; {@code supported} means at least one of its quotes was verified in the transcript.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CriterionScore(String criterion, String label, double weight, int score, boolean supported,
                                 List<Evidence> evidence) {
        public CriterionScore {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * A quote given as evidence; {@code timestamp} is "HH:MM:SS" or null. A verified quote was found in the
     * transcript, in segment {@code segmentIndex}, whose timestamp it takes; an unverified one is kept as the model
     * gave it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String quote, String timestamp, boolean verified, Integer segmentIndex) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextStep(String action, String owner) {
    }

    /** The scorecard the call was evaluated against. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scorecard(String name, int version) {
        public static final Scorecard DEFAULT = new Scorecard("default", 1);
    }
}
