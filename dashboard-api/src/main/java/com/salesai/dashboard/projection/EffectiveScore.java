package com.salesai.dashboard.projection;

import com.salesai.schema.events.Evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overall score that counts: the design's formula {@code round(100 × Σ wᵢ (sᵢ − 1) / (4 Σ wᵢ))} over the
 * evaluation's criteria, with a reviewer's score in place of the AI's wherever the review gives one (taken as given,
 * never capped). Weights are the evaluation's when every criterion has a positive one, else equal. Without a review,
 * or with one that scores none of the evaluation's criteria (a later analysis on another scorecard), it is the AI's
 * overall score; without an evaluation there is none.
 */
public final class EffectiveScore {

    private EffectiveScore() {
    }

    /**
     * The key a review names a criterion by ({@code discovery}). Scorecard keys are lower case; records stored while
     * the criterion was an enum hold its constant's name ({@code DISCOVERY}), read here as its key.
     */
    public static String criterionKey(Evaluation.CriterionScore score) {
        return score.criterion() == null ? null : score.criterion().toLowerCase(Locale.ROOT);
    }

    /**
     * Each criterion of the evaluation with its score that counts: the reviewer's where the review scores it, else
     * the AI's; empty without an evaluation.
     */
    static List<CriterionScore> criteria(AnalysisPart analysis, ReviewPart review) {
        Evaluation evaluation = analysis == null ? null : analysis.evaluation();
        if (evaluation == null) {
            return List.of();
        }
        Map<String, Integer> reviewed = reviewedScores(review);
        return evaluation.scores().stream().map(s -> new CriterionScore(criterionKey(s), s.label(),
                reviewed.getOrDefault(criterionKey(s), s.score()))).toList();
    }

    static Integer of(AnalysisPart analysis, ReviewPart review) {
        Evaluation evaluation = analysis == null ? null : analysis.evaluation();
        if (evaluation == null || evaluation.scores().isEmpty()) {
            return analysis == null ? null : analysis.overallScore();
        }
        Map<String, Integer> reviewed = reviewedScores(review);
        List<Evaluation.CriterionScore> scores = evaluation.scores();
        if (scores.stream().noneMatch(s -> reviewed.containsKey(criterionKey(s)))) {
            return analysis.overallScore();
        }
        boolean weighted = scores.stream().allMatch(s -> s.weight() > 0);
        double sum = 0;
        double weights = 0;
        for (Evaluation.CriterionScore s : scores) {
            double weight = weighted ? s.weight() : 1;
            sum += weight * (reviewed.getOrDefault(criterionKey(s), s.score()) - 1);
            weights += weight;
        }
        return (int) Math.round(100 * sum / (4 * weights));
    }

    private static Map<String, Integer> reviewedScores(ReviewPart review) {
        Map<String, Integer> reviewed = new HashMap<>();
        if (review != null) {
            review.scores().forEach(s -> reviewed.put(s.criterion(), s.score()));
        }
        return reviewed;
    }
}
