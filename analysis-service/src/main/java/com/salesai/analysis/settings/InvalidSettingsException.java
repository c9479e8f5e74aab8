package com.salesai.analysis.settings;

import java.util.List;

/** Settings refused, with every refused field named as in the request's JSON. */
public class InvalidSettingsException extends RuntimeException {
    private final transient List<SettingsChange.FieldError> errors;

    InvalidSettingsException(List<SettingsChange.FieldError> errors) {
        super("invalid analysis settings: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<SettingsChange.FieldError> errors() {
        return errors;
    }
}
