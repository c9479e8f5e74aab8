package com.salesai.analysis.llm;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/**
 * The structured answer requested from the model; its JSON schema is derived from this record by openai-java.
 * One field per rubric criterion so the schema itself demands every criterion. There is no overall score: it is
 * computed from the criteria ({@code OverallScore}), never asked.
 */
@JsonClassDescription("Évaluation d'un appel commercial par un coach commercial")
record SalesCoachAnswer(
        @JsonPropertyDescription("Découverte : questions sur le contexte, les besoins, la douleur, le budget, le décideur")
        RubricScore discovery,
        @JsonPropertyDescription("Écoute active : reformulations, relances, temps de parole laissé au client")
        RubricScore activeListening,
        @JsonPropertyDescription("Proposition de valeur reliée aux besoins exprimés")
        RubricScore valueProposition,
        @JsonPropertyDescription("Traitement des objections")
        RubricScore objectionHandling,
        @JsonPropertyDescription("Prochaines étapes convenues : action, date, responsable")
        RubricScore nextStepsAgreed,
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
