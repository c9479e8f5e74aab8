package com.salesai.analysis.llm;

import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.flow.Calls;
import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.analysis.settings.ScorecardPresets;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerValidatorTest {

    private static SalesCoachAnswer answer(int discovery, SalesCoachAnswer.RubricScore nextSteps,
                                          SalesCoachAnswer.OutcomeLabel outcome) {
        var ok = new SalesCoachAnswer.RubricScore(3, List.of(new SalesCoachAnswer.EvidenceQuote("Quel budget ?", "00:01:02")));
        Map<String, SalesCoachAnswer.RubricScore> criteria = new LinkedHashMap<>();
        criteria.put("next_steps", nextSteps);
        criteria.put("discovery", new SalesCoachAnswer.RubricScore(discovery, List.of()));
        criteria.put("active_listening", ok);
        criteria.put("value_proposition", ok);
        criteria.put("objection_handling", ok);
        criteria.values().removeIf(java.util.Objects::isNull);
        return new SalesCoachAnswer(criteria,
                outcome, "Résumé", List.of("a"), List.of("b"),
                List.of(new SalesCoachAnswer.NextStepAnswer("Envoyer le devis", "rep")), List.of(), "Continue ainsi.");
    }

    private static final AnalysisSettings SETTINGS = new AnalysisSettings("fr",
            ScorecardPresets.defaultScorecard("fr"), false, null);
    private static final AnalysisSettings.Scorecard DEFAULT = SETTINGS.scorecard();
    private static final SalesCoachAnswer.RubricScore FIVE = new SalesCoachAnswer.RubricScore(5, null);
    private static final TranscriptEvidence TRANSCRIPT = TranscriptEvidence.of(Calls.plaintext("budget",
            "Alice: Bonjour.\nAlice: Quel budget ?"));

    @Test
    void aValidAnswerMapsToTheEvaluationInRubricOrder() {
        var valid = answer(1, FIVE, SalesCoachAnswer.OutcomeLabel.not_a_sales_call);
        AnswerValidator.validate(valid, DEFAULT);

        var evaluation = EvaluationMapper.toEvaluation(valid, SETTINGS, TRANSCRIPT);
        assertThat(evaluation.scores()).extracting(s -> s.criterion()).containsExactly("discovery", "active_listening",
                "value_proposition", "objection_handling", "next_steps");
        // "Quel budget ?" is in the transcript; next steps has no quote at all: capped at 2
        assertThat(evaluation.scores()).extracting(s -> s.score()).containsExactly(1, 3, 3, 3, 2);
        assertThat(evaluation.scores()).extracting(s -> s.supported()).containsExactly(false, true, true, true, false);
        assertThat(evaluation.scores()).extracting(s -> s.label()).containsExactly("Découverte", "Écoute active",
                "Proposition de valeur", "Traitement des objections", "Prochaines étapes");
        assertThat(evaluation.overallScore()).isEqualTo(35); // 100 * (0 + 2 + 2 + 2 + 1) / 20
        assertThat(evaluation.scorecard()).isEqualTo(Evaluation.Scorecard.DEFAULT);
        assertThat(evaluation.scores().get(1).evidence())
                .containsExactly(new Evaluation.Evidence("Quel budget ?", null, true, 1));
        assertThat(evaluation.quotesVerified()).isEqualTo(3);
        assertThat(evaluation.quotesTotal()).isEqualTo(3);
        assertThat(evaluation.outcome()).isEqualTo(Outcome.NOT_A_SALES_CALL);
        assertThat(evaluation.nextSteps()).singleElement().extracting(s -> s.owner()).isEqualTo("rep");
        assertThat(evaluation.language()).isEqualTo("fr");
    }

    @Test
    void rejectsOutOfRangeScoresMissingCriteriaAndOutcome() {
        assertThatThrownBy(() -> AnswerValidator.validate(answer(9, FIVE, SalesCoachAnswer.OutcomeLabel.won), DEFAULT))
                .isInstanceOf(InvalidModelAnswerException.class).hasMessageContaining("discovery score 9 is outside 1..5");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(0, FIVE, SalesCoachAnswer.OutcomeLabel.won), DEFAULT))
                .hasMessageContaining("discovery score 0");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(3, null, SalesCoachAnswer.OutcomeLabel.won), DEFAULT))
                .hasMessageContaining("next_steps is missing");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(3, FIVE, null), DEFAULT))
                .hasMessageContaining("outcome is missing");
    }

    @Test
    void priceTableEstimatesUsdPerMillionTokens() {
        var prices = new PriceTable(java.util.Map.of("gpt-5-mini",
                new OpenAiProperties.Price(new java.math.BigDecimal("0.25"), new java.math.BigDecimal("2.00"))));
        assertThat(prices.costUsd("gpt-5-mini", 1_000_000, 500_000)).isEqualByComparingTo("1.25");
        assertThat(prices.costUsd("unknown-model", 10, 10)).isNull();
    }

    @Test
    void chunksKeepWholeLinesUnderTheLimit() {
        var chunks = SalesCoach.chunk(List.of("aaaa", "bbbb", "cccc", "dddd"), 10);
        assertThat(chunks).containsExactly("aaaa\nbbbb\n", "cccc\ndddd\n");
    }
}
