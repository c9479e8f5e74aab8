package com.salesai.analysis.llm;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;
import java.util.Map;

/**
 * The structured answer requested from the model. {@code criteria} holds one score per criterion key of the org's
 * scorecard; the JSON schema sent ({@link ResponseFormats#evaluation}) names each key as a required property, so the
 * schema itself demands every criterion. There is no overall score: it is computed from the criteria
 * ({@code OverallScore}), never asked.
 */
@JsonClassDescription("Évaluation d'un appel commercial par un coach commercial")
record SalesCoachAnswer(
        @JsonPropertyDescription("Une note par critère de la grille, sous sa clé")
        Map<String, RubricScore> criteria,
        @JsonPropertyDescription("Issue de l'appel")
        OutcomeLabel outcome,
        @JsonPropertyDescription("Résumé de l'appel en 3 à 5 phrases")
        String summary,
        List<String> strengths,
        List<String> improvements,
        List<NextStepAnswer> nextSteps,
        List<String> risks,
        @JsonPropertyDescription("Conseils de coaching adressés au commercial, dans la langue demandée")
        String coaching) {

    record RubricScore(
            @JsonPropertyDescription("Note de 1 (faible) à 5 (excellent)") int score,
            @JsonPropertyDescription("Citations mot pour mot de la transcription, dans la langue de l'appel, justifiant la note")
            List<EvidenceQuote> evidence) {
    }

    record EvidenceQuote(
            String quote,
            @JsonPropertyDescription("Horodatage HH:MM:SS de la citation") String timestamp) {
    }

    record NextStepAnswer(String action, @JsonPropertyDescription("Qui s'en charge : le commercial, le client, ...") String owner) {
    }

    /** Lower-case constants so the schema's enum values are exactly the contract's outcome names. */
    enum OutcomeLabel { won, advanced, stalled, lost, no_decision, not_a_sales_call }
}
