package com.salesai.analysis.pipeline;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes results keyed by callId and waits for the broker's ack, so a failure surfaces to the listener (and the
 * error handler: no ack in time is an outage, waited out by {@code OutageRetry}).
 */
@Component
class AnalysisPublisher {
    private final AckedSender kafka;

    AnalysisPublisher(AckedSender kafka) {
        this.kafka = kafka;
    }

    void publish(CallAnalyzed analyzed) {
        kafka.send(Topics.CALLS_ANALYZED, analyzed.callId(), analyzed);
    }

    void publish(CallAnalysisFailed failed) {
        kafka.send(Topics.CALLS_ANALYSIS_FAILED, failed.callId(), failed);
    }

    /** An erased call's results, removed from both compacted topics by compaction. */
    void tombstone(String callId) {
        kafka.sendAll(List.of(new ProducerRecord<>(Topics.CALLS_ANALYZED, callId, null),
                new ProducerRecord<>(Topics.CALLS_ANALYSIS_FAILED, callId, null)));
    }
}
