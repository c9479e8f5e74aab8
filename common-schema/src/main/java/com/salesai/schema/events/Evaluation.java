package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The sales-coach evaluation of a call, written in {@code language}. */
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
        String language) {

    public Evaluation {
        scores = scores == null ? List.of() : List.copyOf(scores);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        improvements = improvements == null ? List.of() : List.copyOf(improvements);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CriterionScore(Criterion criterion, int score, List<Evidence> evidence) {
        public CriterionScore {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A quote from the transcript; {@code timestamp} is "HH:MM:SS" or null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String quote, String timestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextStep(String action, String owner) {
    }
}
