package com.salesai.analysis.scoring;

import com.salesai.schema.events.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionScoresTest {
    private static final Evaluation.Evidence VERIFIED = new Evaluation.Evidence("Quel budget ?", "00:01:00", true, 3);
    private static final Evaluation.Evidence INVENTED = new Evaluation.Evidence("Trois mois offerts", "00:02:00", false, null);

    @Test
    void aCriterionWithAVerifiedQuoteKeepsTheModelsScore() {
        assertThat(CriterionScores.of(DefaultScorecard.DISCOVERY, 5, List.of(INVENTED, VERIFIED))).isEqualTo(
                new Evaluation.CriterionScore(DefaultScorecard.DISCOVERY, "Découverte", 1.0, 5, true, List.of(INVENTED, VERIFIED)));
    }

    @Test
    void aCriterionWithoutAVerifiedQuoteIsUnsupportedAndCappedAtTwo() {
        var invented = CriterionScores.of(DefaultScorecard.OBJECTION_HANDLING, 5, List.of(INVENTED));
        assertThat(invented.supported()).isFalse();
        assertThat(invented.score()).isEqualTo(2);
        assertThat(invented.evidence()).containsExactly(INVENTED);
        assertThat(invented.label()).isEqualTo("Traitement des objections");

        assertThat(CriterionScores.of(DefaultScorecard.NEXT_STEPS, 3, List.of()).score()).isEqualTo(2);
        assertThat(CriterionScores.of(DefaultScorecard.NEXT_STEPS, 1, List.of()).score()).isEqualTo(1);
    }

    @Test
    void everyDefaultCriterionHasAFrenchLabelAndWeightOne() {
        assertThat(DefaultScorecard.keys()).extracting(DefaultScorecard::label).containsExactly(
                "Découverte", "Écoute active", "Proposition de valeur", "Traitement des objections", "Prochaines étapes");
        assertThat(CriterionScores.of(DefaultScorecard.ACTIVE_LISTENING, 4, List.of(VERIFIED)).weight()).isEqualTo(1.0);
    }
}
