package com.salesai.integration.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/integrations/fathom/import/{jobId}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportStatusView(String jobId, String status, int requested, int imported, int skippedDuplicates, int failed,
                        List<String> errors, Instant createdAfter, Instant startedAt, Instant finishedAt) {

    static ImportStatusView of(ImportJob job) {
        return new ImportStatusView(job.id(), job.status().name().toLowerCase(Locale.ROOT), job.requested(),
                job.imported(), job.skippedDuplicates(), job.failed(), job.errors(), job.createdAfter(),
                job.startedAt(), job.finishedAt());
    }
}
