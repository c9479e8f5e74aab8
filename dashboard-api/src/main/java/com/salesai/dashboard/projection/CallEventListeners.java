package com.salesai.dashboard.projection;

import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The read model's consumers (group {@code dashboard}). Every dashboard instance joins the same group, so each
 * event is applied once across instances; exceptions propagate to the container's error handler (retry, then DLT).
 */
@Component
class CallEventListeners {

    static final String GROUP = "dashboard";

    private final CallProjection projection;

    CallEventListeners(CallProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "dashboard-calls-recorded", groupId = GROUP, topics = Topics.CALLS_RECORDED,
            containerFactory = "callRecordedListenerFactory")
    void onRecorded(CallRecorded event) {
        projection.on(event);
    }

    @KafkaListener(id = "dashboard-calls-analyzed", groupId = GROUP, topics = Topics.CALLS_ANALYZED,
            containerFactory = "callAnalyzedListenerFactory")
    void onAnalyzed(CallAnalyzed event) {
        projection.on(event);
    }

    @KafkaListener(id = "dashboard-calls-analysis-failed", groupId = GROUP, topics = Topics.CALLS_ANALYSIS_FAILED,
            containerFactory = "callAnalysisFailedListenerFactory")
    void onAnalysisFailed(CallAnalysisFailed event) {
        projection.on(event);
    }
}
