package com.salesai.analysis.llm;

import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.scoring.CriterionScores;
import com.salesai.analysis.scoring.OverallScore;
import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;

import java.util.List;
import java.util.Locale;

/**
 * Maps a validated model answer to the common-schema {@link Evaluation}: every quote checked against the transcript,
 * unsupported criteria capped, the overall score computed from the criteria with the scorecard's weights, in the
 * scorecard's order.
 */
final class EvaluationMapper {
    private EvaluationMapper() {
    }

    static Evaluation toEvaluation(SalesCoachAnswer answer, AnalysisSettings settings, TranscriptEvidence transcript) {
        AnalysisSettings.Scorecard scorecard = settings.scorecard();
        List<Evaluation.CriterionScore> scores = scorecard.criteria().stream().map(criterion -> {
            SalesCoachAnswer.RubricScore rubric = answer.criteria().get(criterion.key());
            return CriterionScores.of(criterion, rubric.score(), evidence(rubric, transcript));
        }).toList();
        List<Evaluation.Evidence> quotes = scores.stream().flatMap(s -> s.evidence().stream()).toList();
        return new Evaluation(scores, OverallScore.of(scores),
                Outcome.valueOf(answer.outcome().name().toUpperCase(Locale.ROOT)),
                answer.summary(), answer.strengths(), answer.improvements(),
                answer.nextSteps() == null ? List.of() : answer.nextSteps().stream()
                        .map(s -> new Evaluation.NextStep(s.action(), s.owner())).toList(),
                answer.risks(), answer.coaching(), settings.language(),
                new Evaluation.Scorecard(scorecard.name(), scorecard.version()),
                (int) quotes.stream().filter(Evaluation.Evidence::verified).count(), quotes.size());
    }

    /** Entries without a quote are not evidence and are dropped. */
    private static List<Evaluation.Evidence> evidence(SalesCoachAnswer.RubricScore rubric, TranscriptEvidence transcript) {
        return rubric.evidence() == null ? List.of() : rubric.evidence().stream()
                .filter(q -> q != null && q.quote() != null && !q.quote().isBlank())
                .map(q -> transcript.verify(q.quote(), q.timestamp())).toList();
    }
}
