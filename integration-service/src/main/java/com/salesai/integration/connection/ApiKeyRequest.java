package com.salesai.integration.connection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A Fathom API key as posted by the settings page; {@link #toString()} never shows it. */
public record ApiKeyRequest(@NotBlank @Size(max = MAX_KEY_LENGTH) String apiKey) {
    public static final int MAX_KEY_LENGTH = 512;

    @Override
    public String toString() {
        return "ApiKeyRequest[apiKey=***]";
    }
}
