package com.salesai.analysis.pipeline;

import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Thin consumer of calls.recorded: exceptions propagate to the error handler (retry, then failure + DLT). Every line
 * logged while the call is analyzed carries its callId, orgId and userId.
 */
@Component
class CallRecordedListener {
    private static final Logger log = LoggerFactory.getLogger(CallRecordedListener.class);
    private final CallAnalysisService analysis;

    CallRecordedListener(CallAnalysisService analysis) {
        this.analysis = analysis;
    }

    /** A tombstone (an erased call) has no payload: nothing to analyze. */
    @KafkaListener(id = "analysis-calls-recorded", topics = Topics.CALLS_RECORDED, groupId = "analysis")
    void onCallRecorded(@Payload(required = false) CallRecorded call, ConsumerRecordMetadata record) {
        if (call == null) {
            log.warn("Skipping empty record {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        try (CallLogContext ignored = CallLogContext.of(call.callId(), call.orgId(), call.userId())) {
            analysis.analyze(call);
        }
    }
}
