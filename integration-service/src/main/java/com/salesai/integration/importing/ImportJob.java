package com.salesai.integration.importing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A historical import in {@code import_jobs}; counters are updated while it runs so progress can be polled. */
@Document(ImportJob.COLLECTION)
record ImportJob(
        @Id String id,
        String userId,
        Status status,
        int requested,
        Instant createdAfter,
        int imported,
        int skippedDuplicates,
        int failed,
        List<String> errors,
        Instant startedAt,
        Instant finishedAt) {

    static final String COLLECTION = "import_jobs";

    enum Status { RUNNING, COMPLETED, FAILED }

    ImportJob {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
