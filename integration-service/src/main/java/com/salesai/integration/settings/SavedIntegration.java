package com.salesai.integration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** {@code PUT /api/integrations/fathom}: what was created, never a secret, and {@link RecorderCheck}'s verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SavedIntegration(String webhookId, String destinationUrl, String status, Instant createdAt,
                        boolean teamRecordings, String fathomEmail, Boolean recorderEmailSeen,
                        List<String> recorderEmailsSeen, String fathomEmailWarning) {

    static SavedIntegration of(StoredIntegration saved) {
        RecorderCheck check = RecorderCheck.of(saved.recorderEmail(), saved.recorderEmailsSeen());
        return new SavedIntegration(saved.webhookId(), saved.destinationUrl(), "active", saved.createdAt(),
                saved.teamRecordings(), saved.recorderEmail(), check.recorderEmailSeen(), check.recorderEmailsSeen(),
                check.fathomEmailWarning());
    }
}
