package com.salesai.integration.settings;

import java.time.Instant;

/** {@code PUT /api/integrations/fathom}: what was created, never a secret. */
record SavedIntegration(String webhookId, String destinationUrl, String status, Instant createdAt) {
}
