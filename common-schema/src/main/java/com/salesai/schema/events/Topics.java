package com.salesai.schema.events;

/** Kafka topic names, fixed by the design. */
public final class Topics {
    /** Compacted; key userId; value {@link IntegrationChanged} or a tombstone. */
    public static final String INTEGRATIONS = "fathom.integrations";
    /** Key callId; value {@link CallRecorded}. */
    public static final String CALLS_RECORDED = "calls.recorded";
    /** Key callId; value {@link CallAnalyzed}. */
    public static final String CALLS_ANALYZED = "calls.analyzed";
    /** Key callId; value {@link CallAnalysisFailed}. */
    public static final String CALLS_ANALYSIS_FAILED = "calls.analysis-failed";
    /** Compacted; key callId; value {@link CallReviewed}, tombstoned when the call is erased. (v2) */
    public static final String CALLS_REVIEWED = "calls.reviewed";
    /**
     * Compacted and never tombstoned (erased stays erased); key callId; value {@link CallErased}. (v2)
     */
    public static final String CALLS_ERASED = "calls.erased";
    /** Compacted; key userId; value {@link UserCallsErasureRequested}. (v2) */
    public static final String CALLS_ERASURE_REQUESTED = "calls.erasure-requested";
    /** Key userId; value the raw request bytes, headers carry the original headers and the reason. */
    public static final String INGEST_QUARANTINE = "ingest.quarantine";
    /** Suffix of the dead-letter topic of every consumed topic. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DLT_SUFFIX;
    }
}
