package com.salesai.analysis.pipeline;

import com.salesai.platform.kafka.DeadLetters;
import com.salesai.platform.kafka.PlatformKafkaProperties;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's recovery of a record whose retry budget is spent, in place of the platform's plain dead-lettering:
 * publishes {@link CallAnalysisFailed}, then sends the record to the DLT. A poison record (not a
 * {@code CallRecorded}) goes to the DLT only: there is no call to report on. If either publish fails this throws,
 * and the error handler redelivers the record and tries the recovery again (a duplicate CallAnalysisFailed is
 * harmless: the read model's upsert is idempotent). A call erased meanwhile is dropped: neither reported nor
 * dead-lettered.
 */
@Component
class AnalysisFailureRecoverer implements ConsumerRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(AnalysisFailureRecoverer.class);
    private static final int MAX_REASON_LENGTH = 500;

    private final DeadLetters deadLetters;
    private final AnalysisPublisher publisher;
    private final CallAnalysisService analysis;
    private final CallErasure erasure;
    private final int attempts;
    private final MeterRegistry meters;

    AnalysisFailureRecoverer(DeadLetters deadLetters, AnalysisPublisher publisher, CallAnalysisService analysis,
                             CallErasure erasure, PlatformKafkaProperties kafka, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.analysis = analysis;
        this.erasure = erasure;
        this.attempts = kafka.retry().attempts();
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        if (!Topics.CALLS_RECORDED.equals(record.topic())) {
            // another listener's record (an erasure): no analysis failed, so only the DLT
            log.error("Record {}-{}@{} (key {}) failed for good ({}): sending to the DLT", record.topic(),
                    record.partition(), record.offset(), record.key(), reason(exception));
            deadLetters.publish(record, exception);
            return;
        }
        CallRecorded call = callOf(record);
        if (call != null && erasure.isErased(call.callId())) {
            // nothing of an erased call is kept: no failure to report, no copy of its transcript on the DLT
            log.info("Call {} failed after it was erased: dropped, not dead-lettered", call.callId());
            return;
        }
        if (call != null) {
            try (CallLogContext ignored = CallLogContext.of(call.callId(), call.orgId(), call.userId())) {
                reportFailed(call, exception);
            }
        } else {
            log.error("Poison record {}-{}@{} (key {}) cannot be read ({}): sending to the DLT, no CallAnalysisFailed possible",
                    record.topic(), record.partition(), record.offset(), record.key(), reason(exception));
            Counter.builder("analysis.calls.failed").tag("kind", "poison")
                    .description("Calls whose analysis failed for good").register(meters).increment();
        }
        deadLetters.publish(record, exception);
    }

    /** The call the listener failed on; values come as the bytes read, converted for the listener only. */
    private static CallRecorded callOf(ConsumerRecord<?, ?> record) {
        if (!(record.value() instanceof byte[] value)) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(value, CallRecorded.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private void reportFailed(CallRecorded call, Exception exception) {
        String reason = reason(exception);
        int attempts = notRetryable(exception) ? 1 : this.attempts;
        log.error("Call {} analysis failed after {} attempt(s): {}; publishing CallAnalysisFailed and sending to the DLT",
                call.callId(), attempts, reason);
        Instant now = Instant.now();
        publisher.publish(new CallAnalysisFailed(CallAnalysisFailed.SCHEMA_VERSION, UUID.randomUUID(), now,
                call.callId(), call.orgId(), call.userId(), reason, attempts, analysis.promptVersion(), now));
        Counter.builder("analysis.calls.failed").tag("kind", "analysis")
                .description("Calls whose analysis failed for good").register(meters).increment();
    }

    private static boolean notRetryable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (NotRetryableConfig.ANALYSIS_ERRORS.types().stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's type and message, bounded; never a payload. */
    static String reason(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
    }
}
