package com.salesai.integration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET} and {@code PATCH /api/integrations/fathom}: never a secret, only the masked key. {@code fathomEmail}
 * is the email calls are credited by; the {@code recorderEmail*} and {@code fathomEmailWarning} fields are
 * {@link RecorderCheck}'s.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IntegrationView(String status, String webhookId, String destinationUrl, String maskedApiKey,
                       Instant createdAt, Instant updatedAt, LastImport lastImport, boolean teamRecordings,
                       String fathomEmail, Instant lastSyncAt, Integer lastSyncRecovered, Boolean recorderEmailSeen,
                       List<String> recorderEmailsSeen, String fathomEmailWarning) {

    static IntegrationView of(StoredIntegration integration) {
        RecorderCheck check = RecorderCheck.of(integration.recorderEmail(), integration.recorderEmailsSeen());
        LastSync sync = integration.lastSync();
        return new IntegrationView("active", integration.webhookId(), integration.destinationUrl(),
                integration.maskedApiKey(), integration.createdAt(), integration.updatedAt(), integration.lastImport(),
                integration.teamRecordings(), integration.recorderEmail(), sync == null ? null : sync.at(),
                sync == null ? null : sync.recovered(), check.recorderEmailSeen(), check.recorderEmailsSeen(),
                check.fathomEmailWarning());
    }
}
