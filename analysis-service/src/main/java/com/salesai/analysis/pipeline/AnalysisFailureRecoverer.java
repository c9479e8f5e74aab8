package com.salesai.analysis.pipeline;

import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.salesai.analysis.config.AnalysisProperties;
import com.salesai.analysis.llm.InvalidModelAnswerException;
import com.salesai.platform.observability.CallLogContext;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs when a record's retry budget is spent: publishes {@link CallAnalysisFailed}, then hands the record to the
 * dead-letter recoverer. A poison (undeserializable) record goes to the DLT only: there is no call to report on.
 * If either publish fails this throws, and the error handler redelivers the record and tries the recovery again
 * (a duplicate CallAnalysisFailed is harmless: the read model's upsert is idempotent).
 */
@Component
public class AnalysisFailureRecoverer implements ConsumerRecordRecoverer {
    private static final Logger log = LoggerFactory.getLogger(AnalysisFailureRecoverer.class);
    private static final int MAX_REASON_LENGTH = 500;
    /**
     * Errors a retry cannot fix, recovered at once: OpenAI's bad key, no access, bad request, unknown model; and an
     * answer still invalid after the sales coach's own second request (another delivery would pay for both again).
     */
    public static final List<Class<? extends Exception>> NOT_RETRYABLE = List.of(UnauthorizedException.class,
            PermissionDeniedException.class, BadRequestException.class, NotFoundException.class,
            InvalidModelAnswerException.class);

    private final ConsumerRecordRecoverer deadLetters;
    private final AnalysisPublisher publisher;
    private final CallAnalysisService analysis;
    private final int attempts;
    private final MeterRegistry meters;

    AnalysisFailureRecoverer(KafkaTemplate<String, Object> kafka, AnalysisPublisher publisher,
                             CallAnalysisService analysis, AnalysisProperties properties, MeterRegistry meters) {
        // same partition of <topic>.DLT; the DLT is declared with the same partition count as the source topic
        this.deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        this.publisher = publisher;
        this.analysis = analysis;
        this.attempts = properties.retry().attempts();
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        if (record.value() instanceof CallRecorded call) {
            try (CallLogContext ignored = CallLogContext.of(call.callId(), call.orgId(), call.userId())) {
                reportFailed(call, exception);
            }
        } else {
            log.error("Poison record {}-{}@{} (key {}) cannot be read ({}): sending to the DLT, no CallAnalysisFailed possible",
                    record.topic(), record.partition(), record.offset(), record.key(), reason(exception));
            Counter.builder("analysis.calls.failed").tag("kind", "poison")
                    .description("Calls whose analysis failed for good").register(meters).increment();
        }
        deadLetters.accept(record, exception);
    }

    private void reportFailed(CallRecorded call, Exception exception) {
        String reason = reason(exception);
        int attempts = notRetryable(exception) ? 1 : this.attempts;
        log.error("Call {} analysis failed after {} attempt(s): {}; publishing CallAnalysisFailed and sending to the DLT",
                call.callId(), attempts, reason);
        Instant now = Instant.now();
        publisher.publish(new CallAnalysisFailed(CallAnalysisFailed.SCHEMA_VERSION, UUID.randomUUID(), now,
                call.callId(), call.orgId(), call.userId(), reason, attempts, analysis.analysisVersion(), now));
        Counter.builder("analysis.calls.failed").tag("kind", "analysis")
                .description("Calls whose analysis failed for good").register(meters).increment();
    }

    private static boolean notRetryable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (NOT_RETRYABLE.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's type and message, bounded; never a payload. */
    static String reason(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof DeserializationException) {
                break;
            }
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text;
    }
}
