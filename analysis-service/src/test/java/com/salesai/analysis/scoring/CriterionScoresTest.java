package com.salesai.analysis.scoring;

import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.analysis.settings.ScorecardPresets;
import com.salesai.schema.events.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionScoresTest {
    private static final Evaluation.Evidence VERIFIED = new Evaluation.Evidence("Quel budget ?", "00:01:00", true, 3);
    private static final Evaluation.Evidence INVENTED = new Evaluation.Evidence("Trois mois offerts", "00:02:00", false, null);
    private static final List<AnalysisSettings.Criterion> DEFAULT = ScorecardPresets.defaultScorecard("fr").criteria();
    private static final AnalysisSettings.Criterion DISCOVERY = DEFAULT.get(0);
    private static final AnalysisSettings.Criterion OBJECTION_HANDLING = DEFAULT.get(3);
    private static final AnalysisSettings.Criterion NEXT_STEPS = DEFAULT.get(4);

    @Test
    void aCriterionWithAVerifiedQuoteKeepsTheModelsScore() {
        assertThat(CriterionScores.of(DISCOVERY, 5, List.of(INVENTED, VERIFIED))).isEqualTo(
                new Evaluation.CriterionScore("discovery", "Découverte", 1.0, 5, true, List.of(INVENTED, VERIFIED)));
    }

    @Test
    void aCriterionWithoutAVerifiedQuoteIsUnsupportedAndCappedAtTwo() {
        var invented = CriterionScores.of(OBJECTION_HANDLING, 5, List.of(INVENTED));
        assertThat(invented.supported()).isFalse();
        assertThat(invented.score()).isEqualTo(2);
        assertThat(invented.evidence()).containsExactly(INVENTED);
        assertThat(invented.label()).isEqualTo("Traitement des objections");

        assertThat(CriterionScores.of(NEXT_STEPS, 3, List.of()).score()).isEqualTo(2);
        assertThat(CriterionScores.of(NEXT_STEPS, 1, List.of()).score()).isEqualTo(1);
    }

    @Test
    void theScoreCarriesTheScorecardsKeyLabelAndWeight() {
        var champion = new AnalysisSettings.Criterion("champion", "Champion", "Un allié", 2.5);
        assertThat(CriterionScores.of(champion, 4, List.of(VERIFIED))).isEqualTo(
                new Evaluation.CriterionScore("champion", "Champion", 2.5, 4, true, List.of(VERIFIED)));
    }
}
