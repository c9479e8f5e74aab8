package com.salesai.analysis.scoring;

import com.salesai.schema.events.Criterion;
import com.salesai.schema.events.Evaluation;

/**
 * The scorecard every call is evaluated against until organizations have their own: the five criteria with their
 * French labels, all of weight 1.
 */
public final class DefaultScorecard {
    public static final Evaluation.Scorecard SCORECARD = Evaluation.Scorecard.DEFAULT;
    public static final double WEIGHT = 1.0;

    private DefaultScorecard() {
    }

    public static String label(Criterion criterion) {
        return switch (criterion) {
            case DISCOVERY -> "Découverte";
            case ACTIVE_LISTENING -> "Écoute active";
            case VALUE_PROPOSITION -> "Proposition de valeur";
            case OBJECTION_HANDLING -> "Traitement des objections";
            case NEXT_STEPS -> "Prochaines étapes";
        };
    }
}
