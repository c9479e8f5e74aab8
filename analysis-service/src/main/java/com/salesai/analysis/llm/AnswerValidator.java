package com.salesai.analysis.llm;

import java.util.ArrayList;
import java.util.List;

/** Checks what the JSON schema cannot guarantee from a lenient or misbehaving model: ranges and presence. */
final class AnswerValidator {
    private AnswerValidator() {
    }

    static void validate(SalesCoachAnswer answer) {
        List<String> problems = new ArrayList<>();
        if (answer == null) {
            throw new InvalidModelAnswerException("model returned no evaluation");
        }
        EvaluationMapper.criteria(answer).forEach((criterion, rubric) -> {
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
