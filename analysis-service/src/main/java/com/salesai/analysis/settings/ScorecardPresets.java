package com.salesai.analysis.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scorecards an organization starts from: {@code default} (the five criteria every call was scored on before
 * organizations had their own), {@code meddic}, {@code spin} and {@code bant}; every criterion of weight 1, its label
 * and description in French for {@code fr} and in English for any other language.
 */
public final class ScorecardPresets {
    public static final String DEFAULT = "default";
    private static final Map<String, List<Text>> PRESETS = new LinkedHashMap<>();

    /** A criterion in both languages. */
    private record Text(String key, String labelFr, String descriptionFr, String labelEn, String descriptionEn) {
        AnalysisSettings.Criterion in(String language) {
            return "fr".equals(language) ? new AnalysisSettings.Criterion(key, labelFr, descriptionFr, 1.0)
                    : new AnalysisSettings.Criterion(key, labelEn, descriptionEn, 1.0);
        }
    }

    static {
        PRESETS.put(DEFAULT, List.of(
                new Text("discovery", "Découverte",
                        "Questions sur le contexte, les besoins, la douleur, le budget, le décideur",
                        "Discovery", "Questions on the context, needs, pain, budget and decision maker"),
                new Text("active_listening", "Écoute active",
                        "Reformulations, relances, temps de parole laissé au client",
                        "Active listening", "Rephrasing, follow-up questions, room left for the customer to talk"),
                new Text("value_proposition", "Proposition de valeur",
                        "Proposition de valeur reliée aux besoins exprimés",
                        "Value proposition", "A value proposition tied to the needs the customer stated"),
                new Text("objection_handling", "Traitement des objections",
                        "Objections accueillies, creusées et traitées",
                        "Objection handling", "Objections welcomed, explored and answered"),
                new Text("next_steps", "Prochaines étapes",
                        "Prochaines étapes convenues : action, date, responsable",
                        "Next steps", "Next steps agreed: action, date, owner")));
        PRESETS.put("meddic", List.of(
                new Text("metrics", "Métriques", "Gains chiffrés que le client attend de la solution",
                        "Metrics", "The quantified gains the customer expects from the solution"),
                new Text("economic_buyer", "Décideur économique",
                        "Qui décide et signe le budget, et s'il a été identifié ou rencontré",
                        "Economic buyer", "Who decides and signs off the budget, and whether they were identified or met"),
                new Text("decision_criteria", "Critères de décision",
                        "Les critères sur lesquels le client choisira",
                        "Decision criteria", "The criteria the customer will choose on"),
                new Text("decision_process", "Processus de décision",
                        "Étapes, personnes et calendrier de la décision",
                        "Decision process", "The steps, people and timeline of the decision"),
                new Text("identify_pain", "Douleur identifiée",
                        "Le problème du client, ses causes et son coût",
                        "Identify pain", "The customer's problem, its causes and its cost"),
                new Text("champion", "Champion",
                        "Un allié chez le client qui porte le projet en interne",
                        "Champion", "An ally at the customer who sells the project internally")));
        PRESETS.put("spin", List.of(
                new Text("situation", "Situation", "Questions sur la situation actuelle du client",
                        "Situation", "Questions on the customer's current situation"),
                new Text("problem", "Problème", "Questions qui font émerger les difficultés",
                        "Problem", "Questions that bring out the difficulties"),
                new Text("implication", "Implication", "Questions sur les conséquences de ces difficultés",
                        "Implication", "Questions on the consequences of those difficulties"),
                new Text("need_payoff", "Bénéfice", "Questions qui font formuler au client la valeur d'une solution",
                        "Need-payoff", "Questions that have the customer state the value of a solution")));
        PRESETS.put("bant", List.of(
                new Text("budget", "Budget", "Le budget disponible et qui le détient",
                        "Budget", "The budget available and who holds it"),
                new Text("authority", "Autorité", "Qui a le pouvoir de décision",
                        "Authority", "Who has the power to decide"),
                new Text("need", "Besoin", "Le besoin réel du client et son urgence",
                        "Need", "The customer's real need and its urgency"),
                new Text("timeline", "Calendrier", "Quand le client compte décider et déployer",
                        "Timeline", "When the customer means to decide and roll out")));
    }

    private ScorecardPresets() {
    }

    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The preset {@code name} in {@code language}, at {@code version}. */
    public static Optional<AnalysisSettings.Scorecard> of(String name, String language, int version) {
        return Optional.ofNullable(PRESETS.get(name)).map(texts -> new AnalysisSettings.Scorecard(name, version,
                texts.stream().map(t -> t.in(language)).toList()));
    }

    /** The default scorecard in {@code language}, version 1: what an organization without settings uses. */
    public static AnalysisSettings.Scorecard defaultScorecard(String language) {
        return of(DEFAULT, language, 1).orElseThrow();
    }
}
