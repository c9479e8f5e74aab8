package com.salesai.ingest.publish;

import com.salesai.ingest.config.IngestProperties;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends all calls first, then waits for every ack within {@code publishTimeout}. A partial failure is a failure:
 * the caller releases its claims and the sender retries; calls already acked are then published again, which the
 * idempotent consumers absorb.
 */
@Component
class KafkaCallPublisher implements CallPublisher {
    private final KafkaTemplate<String, CallRecorded> template;
    private final Duration timeout;
    private final Timer latency;

    KafkaCallPublisher(KafkaTemplate<String, CallRecorded> callRecordedTemplate, IngestProperties properties,
                       MeterRegistry registry) {
        this.template = callRecordedTemplate;
        this.timeout = properties.publishTimeout();
        this.latency = Timer.builder("ingest.publish.latency")
                .description("time from sending calls.recorded records until all are acknowledged")
                .register(registry);
    }

    @Override
    public void publish(List<CallRecorded> calls) throws PublishException {
        long start = System.nanoTime();
        try {
            List<CompletableFuture<SendResult<String, CallRecorded>>> sends = new ArrayList<>();
            try {
                for (CallRecorded call : calls) {
                    sends.add(template.send(Topics.CALLS_RECORDED, call.callId(), call));
                }
            } catch (RuntimeException e) {
                // send() itself fails when metadata can't be had within max.block.ms (broker unreachable)
                throw new PublishException("publishing to " + Topics.CALLS_RECORDED + " failed: " + e, e);
            }
            Acks.await(sends, timeout, Topics.CALLS_RECORDED);
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
