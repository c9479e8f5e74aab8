package com.salesai.analysis.pipeline;

import com.salesai.analysis.llm.ChunkNotesStore;
import com.salesai.platform.erasure.CallErasureHandler;
import com.salesai.platform.erasure.ErasedCalls;
import com.salesai.schema.events.CallErased;
import org.springframework.stereotype.Component;

/**
 * The analysis' part of an erasure: remember the call as erased, delete its stored analyses and chunk notes (the
 * evidence quotes, summaries and notes taken from its transcript), then tombstone {@code calls.analyzed} and
 * {@code calls.analysis-failed}. Recovery story: each step is idempotent and the listener throws on any failure, so
 * the record is delivered again and all steps are redone (after the retries the platform dead-letters it; it is
 * not {@link AnalysisFailureRecoverer}'s, which reports failed analyses and only reads {@code CallRecorded}). The mark comes first, so an analysis running meanwhile
 * sees it when it finishes and cleans up after itself ({@link CallAnalysisService}).
 */
@Component
class CallErasure implements CallErasureHandler {
    private final ErasedCalls erased;
    private final AnalysisStore analyses;
    private final ChunkNotesStore chunkNotes;
    private final AnalysisPublisher publisher;

    CallErasure(ErasedCalls erased, AnalysisStore analyses, ChunkNotesStore chunkNotes, AnalysisPublisher publisher) {
        this.erased = erased;
        this.analyses = analyses;
        this.chunkNotes = chunkNotes;
        this.publisher = publisher;
    }

    @Override
    public String consumerGroup() {
        return "analysis-erasure";
    }

    @Override
    public void erase(CallErased event) {
        erased.remember(event.callId(), event.orgId(), event.at());
        forget(event.callId());
    }

    boolean isErased(String callId) {
        return erased.contains(callId);
    }

    /** Deletes what is stored of the call and tombstones its results; safe to repeat. */
    void forget(String callId) {
        analyses.deleteCall(callId);
        chunkNotes.deleteCall(callId);
        publisher.tombstone(callId);
    }
}
