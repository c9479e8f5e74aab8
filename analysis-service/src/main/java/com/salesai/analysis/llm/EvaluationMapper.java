package com.salesai.analysis.llm;

import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.scoring.CriterionScores;
import com.salesai.analysis.scoring.DefaultScorecard;
import com.salesai.analysis.scoring.OverallScore;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a validated model answer to the common-schema {@link Evaluation}: every quote checked against the transcript,
 * unsupported criteria capped, the overall score computed from the criteria.
 */
final class EvaluationMapper {
    private EvaluationMapper() {
    }

    static Map<String, SalesCoachAnswer.RubricScore> criteria(SalesCoachAnswer answer) {
        Map<String, SalesCoachAnswer.RubricScore> byCriterion = new LinkedHashMap<>();
        byCriterion.put(DefaultScorecard.DISCOVERY, answer.discovery());
        byCriterion.put(DefaultScorecard.ACTIVE_LISTENING, answer.activeListening());
        byCriterion.put(DefaultScorecard.VALUE_PROPOSITION, answer.valueProposition());
        byCriterion.put(DefaultScorecard.OBJECTION_HANDLING, answer.objectionHandling());
        byCriterion.put(DefaultScorecard.NEXT_STEPS, answer.nextStepsAgreed());
        return byCriterion;
    }

    static Evaluation toEvaluation(SalesCoachAnswer answer, String language, TranscriptEvidence transcript) {
        List<Evaluation.CriterionScore> scores = criteria(answer).entrySet().stream()
                .map(e -> CriterionScores.of(e.getKey(), e.getValue().score(), evidence(e.getValue(), transcript)))
                .toList();
        List<Evaluation.Evidence> quotes = scores.stream().flatMap(s -> s.evidence().stream()).toList();
        return new Evaluation(scores, OverallScore.of(scores),
                Outcome.valueOf(answer.outcome().name().toUpperCase(Locale.ROOT)),
                answer.summary(), answer.strengths(), answer.improvements(),
                answer.nextSteps() == null ? List.of() : answer.nextSteps().stream()
                        .map(s -> new Evaluation.NextStep(s.action(), s.owner())).toList(),
                answer.risks(), answer.coaching(), language, DefaultScorecard.SCORECARD,
                (int) quotes.stream().filter(Evaluation.Evidence::verified).count(), quotes.size());
    }

    /** Entries without a quote are not evidence and are dropped. */
    private static List<Evaluation.Evidence> evidence(SalesCoachAnswer.RubricScore rubric, TranscriptEvidence transcript) {
        return rubric.evidence() == null ? List.of() : rubric.evidence().stream()
                .filter(q -> q != null && q.quote() != null && !q.quote().isBlank())
                .map(q -> transcript.verify(q.quote(), q.timestamp())).toList();
    }
}
