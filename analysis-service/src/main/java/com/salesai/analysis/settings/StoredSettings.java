package com.salesai.analysis.settings;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** An organization's current settings, as the JSON of {@link AnalysisSettings}; one document per org. */
@Document(collection = StoredSettings.COLLECTION)
record StoredSettings(@Id String orgId, int scorecardVersion, String settingsJson, Instant updatedAt,
                      String updatedBy) {
    static final String COLLECTION = "org_analysis_settings";
}
