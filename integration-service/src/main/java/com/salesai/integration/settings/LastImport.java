package com.salesai.integration.settings;

import java.time.Instant;

/** The outcome of the user's latest historical import, shown with the integration. */
public record LastImport(String jobId, String status, int requested, int imported, int skippedDuplicates,
                         int failed, Instant startedAt, Instant finishedAt) {
}
