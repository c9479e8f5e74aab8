package com.salesai.analysis.llm;

import com.salesai.schema.events.Criterion;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerValidatorTest {

    private static SalesCoachAnswer answer(int discovery, SalesCoachAnswer.RubricScore nextSteps, int overall,
                                          SalesCoachAnswer.OutcomeLabel outcome) {
        var ok = new SalesCoachAnswer.RubricScore(3, List.of(new SalesCoachAnswer.EvidenceQuote("Quel budget ?", "00:01:02")));
        return new SalesCoachAnswer(new SalesCoachAnswer.RubricScore(discovery, List.of()), ok, ok, ok, nextSteps,
                overall, outcome, "Résumé", List.of("a"), List.of("b"),
                List.of(new SalesCoachAnswer.NextStepAnswer("Envoyer le devis", "rep")), List.of(), "Continue ainsi.");
    }

    private static final SalesCoachAnswer.RubricScore FIVE = new SalesCoachAnswer.RubricScore(5, null);

    @Test
    void aValidAnswerMapsToTheEvaluationInRubricOrder() {
        var valid = answer(1, FIVE, 100, SalesCoachAnswer.OutcomeLabel.not_a_sales_call);
        AnswerValidator.validate(valid);

        var evaluation = EvaluationMapper.toEvaluation(valid, "fr");
        assertThat(evaluation.scores()).extracting(s -> s.criterion()).containsExactly(Criterion.values());
        assertThat(evaluation.scores()).extracting(s -> s.score()).containsExactly(1, 3, 3, 3, 5);
        assertThat(evaluation.outcome()).isEqualTo(Outcome.NOT_A_SALES_CALL);
        assertThat(evaluation.nextSteps()).singleElement().extracting(s -> s.owner()).isEqualTo("rep");
        assertThat(evaluation.language()).isEqualTo("fr");
    }

    @Test
    void rejectsOutOfRangeScoresMissingCriteriaAndOutcome() {
        assertThatThrownBy(() -> AnswerValidator.validate(answer(9, FIVE, 50, SalesCoachAnswer.OutcomeLabel.won)))
                .isInstanceOf(InvalidModelAnswerException.class).hasMessageContaining("discovery score 9 is outside 1..5");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(0, FIVE, 50, SalesCoachAnswer.OutcomeLabel.won)))
                .hasMessageContaining("discovery score 0");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(3, null, 50, SalesCoachAnswer.OutcomeLabel.won)))
                .hasMessageContaining("next_steps is missing");
        assertThatThrownBy(() -> AnswerValidator.validate(answer(3, FIVE, 101, null)))
                .hasMessageContaining("overallScore 101 is outside 0..100").hasMessageContaining("outcome is missing");
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
