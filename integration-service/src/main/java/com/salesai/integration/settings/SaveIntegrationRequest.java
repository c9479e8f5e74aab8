package com.salesai.integration.settings;

import com.salesai.integration.connection.ApiKeyRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/integrations/fathom}. {@code teamRecordings} subscribes the webhook to recordings shared with a
 * team too (Fathom Team plans); {@code fathomEmail} is the email the user records with in Fathom, by default the
 * token's. {@link #toString()} never shows the key.
 */
record SaveIntegrationRequest(
        @NotBlank @Size(max = ApiKeyRequest.MAX_KEY_LENGTH) String apiKey,
        Boolean teamRecordings,
        @Size(max = FathomEmailRequest.MAX_EMAIL_LENGTH) @Pattern(regexp = FathomEmailRequest.EMAIL) String fathomEmail) {

    @Override
    public String toString() {
        return "SaveIntegrationRequest[apiKey=***, teamRecordings=" + teamRecordings + ", fathomEmail=" + fathomEmail
                + "]";
    }
}
