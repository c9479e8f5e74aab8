package com.salesai.analysis.llm;

import com.salesai.analysis.settings.AnalysisSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks what the JSON schema cannot guarantee from a lenient or misbehaving model: ranges and presence. */
final class AnswerValidator {
    private AnswerValidator() {
    }

    /** Every criterion of {@code scorecard} scored 1..5, whatever else the answer holds. */
    static void validate(SalesCoachAnswer answer, AnalysisSettings.Scorecard scorecard) {
        List<String> problems = new ArrayList<>();
        if (answer == null) {
            throw new InvalidModelAnswerException("model returned no evaluation");
        }
        Map<String, SalesCoachAnswer.RubricScore> criteria = answer.criteria() == null ? Map.of() : answer.criteria();
        scorecard.criteria().forEach(c -> {
            String criterion = c.key();
            SalesCoachAnswer.RubricScore rubric = criteria.get(criterion);
            if (rubric == null) {
                problems.add(criterion + " is missing");
            } else if (rubric.score() < 1 || rubric.score() > 5) {
                problems.add(criterion + " score " + rubric.score() + " is outside 1..5");
            }
        });
        if (answer.outcome() == null) {
            problems.add("outcome is missing");
        }
        if (answer.summary() == null || answer.summary().isBlank()) {
            problems.add("summary is empty");
        }
        if (answer.coaching() == null || answer.coaching().isBlank()) {
            problems.add("coaching is empty");
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelAnswerException("invalid model answer: " + String.join("; ", problems));
        }
    }
}
