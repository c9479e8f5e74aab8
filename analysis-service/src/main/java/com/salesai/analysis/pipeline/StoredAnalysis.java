package com.salesai.analysis.pipeline;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A finished analysis, unique per (callId, analysisVersion). {@code eventJson} is the exact {@code CallAnalyzed}
 * that was published, so a redelivery republishes the same event (same eventId) instead of asking the LLM again.
 * {@code analysisVersion} is the prompt version, or "metrics-only" for results computed without an LLM.
 */
@Document(collection = StoredAnalysis.COLLECTION)
record StoredAnalysis(@Id String id, String callId, String analysisVersion, String mode, Instant analyzedAt,
                      String eventJson) {
    static final String COLLECTION = "analyses";
}
