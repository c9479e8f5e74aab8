package com.salesai.analysis.scoring;

import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.schema.events.Evaluation;

import java.util.List;

/** The score a criterion keeps once its evidence is checked: a criterion no verified quote supports gets 2 at most. */
public final class CriterionScores {
    static final int UNSUPPORTED_CAP = 2;

    private CriterionScores() {
    }

    /**
     * {@code evidence} as verified against the transcript; {@code modelScore} as the model gave it (1-5); the score
     * carries the criterion's key, label and weight as the scorecard has them.
     */
    public static Evaluation.CriterionScore of(AnalysisSettings.Criterion criterion, int modelScore,
                                               List<Evaluation.Evidence> evidence) {
        boolean supported = evidence.stream().anyMatch(Evaluation.Evidence::verified);
        int score = supported ? modelScore : Math.min(modelScore, UNSUPPORTED_CAP);
        return new Evaluation.CriterionScore(criterion.key(), criterion.label(), criterion.weight(), score, supported,
                evidence);
    }
}
