package com.salesai.analysis.scoring;

import com.salesai.schema.events.Evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard every call is evaluated against until organizations have their own: the five criteria with their
 * French labels, all of weight 1.
 */
public final class DefaultScorecard {
    public static final Evaluation.Scorecard SCORECARD = Evaluation.Scorecard.DEFAULT;
    public static final double WEIGHT = 1.0;
    public static final String DISCOVERY = "discovery";
    public static final String ACTIVE_LISTENING = "active_listening";
    public static final String VALUE_PROPOSITION = "value_proposition";
    public static final String OBJECTION_HANDLING = "objection_handling";
    public static final String NEXT_STEPS = "next_steps";
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(DISCOVERY, "Découverte");
        LABELS.put(ACTIVE_LISTENING, "Écoute active");
        LABELS.put(VALUE_PROPOSITION, "Proposition de valeur");
        LABELS.put(OBJECTION_HANDLING, "Traitement des objections");
        LABELS.put(NEXT_STEPS, "Prochaines étapes");
    }

    private DefaultScorecard() {
    }

    /** The criterion keys, in the scorecard's order. */
    public static List<String> keys() {
        return List.copyOf(LABELS.keySet());
    }

    public static String label(String criterion) {
        return LABELS.get(criterion);
    }
}
