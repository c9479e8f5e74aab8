package com.salesai.analysis.scoring;

import com.salesai.schema.events.Evaluation;

import java.util.List;

/**
 * {@code round(100 × Σ wᵢ (sᵢ − 1) / (4 Σ wᵢ))} over the criteria's scores (1-5, after the evidence cap) and
 * weights: 0 when every criterion scores 1, 100 when every one scores 5; halves round up. Computed, never asked of the
 * model, so the same criteria always give the same overall score.
 */
public final class OverallScore {
    private OverallScore() {
    }

    public static int of(List<Evaluation.CriterionScore> scores) {
        double weighted = 0;
        double weights = 0;
        for (Evaluation.CriterionScore score : scores) {
            weighted += score.weight() * (score.score() - 1);
            weights += score.weight();
        }
        if (weights <= 0) {
            throw new IllegalArgumentException("an overall score needs criteria of positive total weight");
        }
        return (int) Math.round(100 * weighted / (4 * weights));
    }
}
