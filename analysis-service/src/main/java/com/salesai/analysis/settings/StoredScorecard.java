package com.salesai.analysis.settings;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Every scorecard version an organization had, unique per (orgId, version), kept for results that name it. */
@Document(collection = StoredScorecard.COLLECTION)
record StoredScorecard(@Id String id, String orgId, int version, String scorecardJson, Instant createdAt,
                       String createdBy) {
    static final String COLLECTION = "org_scorecards";
}
