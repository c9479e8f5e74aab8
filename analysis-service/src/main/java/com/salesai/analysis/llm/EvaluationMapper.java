package com.salesai.analysis.llm;

import com.salesai.schema.events.Criterion;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps a validated model answer to the common-schema {@link Evaluation}. */
final class EvaluationMapper {
    private EvaluationMapper() {
    }

    static Map<Criterion, SalesCoachAnswer.RubricScore> criteria(SalesCoachAnswer answer) {
        Map<Criterion, SalesCoachAnswer.RubricScore> byCriterion = new EnumMap<>(Criterion.class);
        byCriterion.put(Criterion.DISCOVERY, answer.discovery());
        byCriterion.put(Criterion.ACTIVE_LISTENING, answer.activeListening());
        byCriterion.put(Criterion.VALUE_PROPOSITION, answer.valueProposition());
        byCriterion.put(Criterion.OBJECTION_HANDLING, answer.objectionHandling());
        byCriterion.put(Criterion.NEXT_STEPS, answer.nextStepsAgreed());
        return byCriterion;
    }

    static Evaluation toEvaluation(SalesCoachAnswer answer, String language) {
        List<Evaluation.CriterionScore> scores = criteria(answer).entrySet().stream()
                .map(e -> new Evaluation.CriterionScore(e.getKey(), null, 1.0, e.getValue().score(), true,
                        evidence(e.getValue())))
                .toList();
        return new Evaluation(scores, answer.overallScore(),
                Outcome.valueOf(answer.outcome().name().toUpperCase(Locale.ROOT)),
                answer.summary(), answer.strengths(), answer.improvements(),
                answer.nextSteps() == null ? List.of() : answer.nextSteps().stream()
                        .map(s -> new Evaluation.NextStep(s.action(), s.owner())).toList(),
                answer.risks(), answer.coaching(), language, Evaluation.Scorecard.DEFAULT, 0, 0);
    }

    private static List<Evaluation.Evidence> evidence(SalesCoachAnswer.RubricScore rubric) {
        return rubric.evidence() == null ? List.of() : rubric.evidence().stream()
                .map(q -> new Evaluation.Evidence(q.quote(), q.timestamp(), false, null)).toList();
    }
}
