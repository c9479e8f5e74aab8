package com.salesai.analysis.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a PUT of the settings becomes, decided without Spring: the field errors of an invalid request, or the new
 * settings. A scorecard given by a preset's name without criteria is that preset in the request's language. The
 * version grows by one when the scorecard's name or criteria change; a change of language, internal meetings or
 * budget alone keeps it.
 */
final class SettingsChange {
    static final int MIN_CRITERIA = 3;
    static final int MAX_CRITERIA = 8;
    static final Set<String> LANGUAGES = Set.of("fr", "en", "es", "de", "it", "pt", "nl");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_KEY = 40;
    private static final int MAX_LABEL = 80;
    private static final int MAX_DESCRIPTION = 500;

    /** One refused field, named as in the request's JSON ({@code scorecard.criteria[2].weight}). */
    record FieldError(String field, String message) {
    }

    sealed interface Decision {
    }

    record Invalid(List<FieldError> errors) implements Decision {
    }

    record Accepted(AnalysisSettings settings, boolean newScorecardVersion) implements Decision {
    }

    private SettingsChange() {
    }

    static Decision decide(AnalysisSettings current, AnalysisSettings requested) {
        List<FieldError> errors = new ArrayList<>();
        if (requested == null) {
            return new Invalid(List.of(new FieldError("", "a settings object is required")));
        }
        String language = requested.language() == null ? current.language() : requested.language().strip();
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "'" + language + "' is not a supported language; one of "
                    + LANGUAGES.stream().sorted().toList()));
        }
        if (requested.dailyTokenBudget() != null && requested.dailyTokenBudget() <= 0) {
            errors.add(new FieldError("dailyTokenBudget", "must be positive, or null for no budget"));
        }
        AnalysisSettings.Scorecard scorecard = scorecard(current, requested.scorecard(), language, errors);
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        boolean changed = !scorecard.sameContent(current.scorecard());
        AnalysisSettings.Scorecard versioned = scorecard.withVersion(current.scorecard().version() + (changed ? 1 : 0));
        return new Accepted(new AnalysisSettings(language, versioned, requested.analyzeInternalMeetings(),
                requested.dailyTokenBudget()), changed);
    }

    private static AnalysisSettings.Scorecard scorecard(AnalysisSettings current, AnalysisSettings.Scorecard requested,
                                                        String language, List<FieldError> errors) {
        if (requested == null) {
            return current.scorecard();
        }
        String name = requested.name() == null ? "" : requested.name().strip();
        if (name.isEmpty() || name.length() > MAX_LABEL) {
            errors.add(new FieldError("scorecard.name", "a name of 1 to " + MAX_LABEL + " characters is required"));
        }
        if (requested.criteria().isEmpty() && ScorecardPresets.names().contains(name)) {
            return ScorecardPresets.of(name, language, 0).orElseThrow();
        }
        List<AnalysisSettings.Criterion> criteria = requested.criteria();
        if (criteria.size() < MIN_CRITERIA || criteria.size() > MAX_CRITERIA) {
            errors.add(new FieldError("scorecard.criteria", "a scorecard has " + MIN_CRITERIA + " to " + MAX_CRITERIA
                    + " criteria, not " + criteria.size()));
        }
        Set<String> keys = new HashSet<>();
        List<AnalysisSettings.Criterion> cleaned = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            AnalysisSettings.Criterion c = criteria.get(i);
            String field = "scorecard.criteria[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "a criterion is required"));
                continue;
            }
            String key = c.key() == null ? "" : c.key().strip();
            if (!KEY.matcher(key).matches() || key.length() > MAX_KEY) {
                errors.add(new FieldError(field + ".key", "'" + key + "' is not a key: a lower-case letter, then "
                        + "lower-case letters, digits or _ (at most " + MAX_KEY + ")"));
            } else if (!keys.add(key)) {
                errors.add(new FieldError(field + ".key", "'" + key + "' is the key of an earlier criterion"));
            }
            String label = c.label() == null ? "" : c.label().strip();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                errors.add(new FieldError(field + ".label", "a label of 1 to " + MAX_LABEL + " characters is required"));
            }
            String description = c.description() == null ? "" : c.description().strip();
            if (description.length() > MAX_DESCRIPTION) {
                errors.add(new FieldError(field + ".description", "at most " + MAX_DESCRIPTION + " characters"));
            }
            if (!(c.weight() > 0) || Double.isInfinite(c.weight())) {
                errors.add(new FieldError(field + ".weight", "must be greater than 0"));
            }
            cleaned.add(new AnalysisSettings.Criterion(key, label, description, c.weight()));
        }
        return new AnalysisSettings.Scorecard(name, 0, cleaned);
    }
}
