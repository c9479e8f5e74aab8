package com.salesai.analysis.settings;

import java.util.List;

/**
 * An organization's analysis settings (design: Org analysis settings): the coaching {@code language}, the
 * {@code scorecard} its calls are scored on, whether {@code only_internal} meetings are analyzed, and the tokens its
 * calls may spend per UTC day ({@code dailyTokenBudget}, null: unlimited).
 */
public record AnalysisSettings(String language, Scorecard scorecard, boolean analyzeInternalMeetings,
                               Long dailyTokenBudget) {

    /** A named, versioned list of criteria; the version grows with every change of name or criteria. */
    public record Scorecard(String name, int version, List<Criterion> criteria) {
        public Scorecard {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }

        /** The same criteria under {@code newVersion}. */
        Scorecard withVersion(int newVersion) {
            return new Scorecard(name, newVersion, criteria);
        }

        /** Whether the two hold the same name and criteria, whatever their versions. */
        boolean sameContent(Scorecard other) {
            return other != null && java.util.Objects.equals(name, other.name) && criteria.equals(other.criteria);
        }
    }

    /** One criterion: its key in results, and the label, description and weight the prompt and the score use. */
    public record Criterion(String key, String label, String description, double weight) {
    }
}
