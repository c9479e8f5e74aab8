package com.salesai.integration.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** {@code GET /api/integrations/fathom}: never a secret, only the masked key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IntegrationView(String status, String webhookId, String destinationUrl, String maskedApiKey,
                       Instant createdAt, Instant updatedAt, LastImport lastImport) {
}
