package com.salesai.ingest.publish;

import com.salesai.platform.kafka.AckedSender;
import com.salesai.platform.kafka.KafkaPublishException;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

import java.time.Duration;
import java.util.List;

/**
 * Sends all calls first, then waits for every ack within the publish timeout. A partial failure is a failure:
 * the caller releases its claims and the sender retries; calls already acked are then published again, which the
 * idempotent consumers absorb. Each call is written to JSON here, once, by a writer resolved once for the type (the
 * platform's serializer passes the bytes through).
 */
@Component
class KafkaCallPublisher implements CallPublisher {
    private static final Logger log = LoggerFactory.getLogger(KafkaCallPublisher.class);

    private static final ObjectWriter CALL_JSON = EventJson.mapper().writerFor(CallRecorded.class);

    private final AckedSender sender;
    private final Timer latency;
    private final Counter truncated;

    KafkaCallPublisher(AckedSender sender, MeterRegistry registry) {
        this.sender = sender;
        this.truncated = Counter.builder("ingest.calls.truncated")
                .description("calls published with fields cut to their normalization bounds (see truncatedFields)")
                .register(registry);
        this.latency = Timer.builder("ingest.publish.latency")
                .description("time from sending calls.recorded records until all are acknowledged")
                .register(registry);
    }

    @Override
    public void publish(List<CallRecorded> calls) throws PublishException {
        long start = System.nanoTime();
        try {
            sender.sendAll(calls.stream()
                    .map(call -> new ProducerRecord<>(Topics.CALLS_RECORDED, call.callId(),
                            CALL_JSON.writeValueAsBytes(call))).toList());
        } catch (KafkaPublishException e) {
            throw new PublishException(e.getMessage(), e);
        } catch (JacksonException e) {
            // as when the producer's serializer failed: not published, answered 503
            throw new PublishException("publishing to " + Topics.CALLS_RECORDED + " failed: " + e, e);
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - start));
        }
        calls.stream().filter(call -> !call.truncatedFields().isEmpty()).forEach(call -> {
            truncated.increment();
            log.warn("call {} of org {} published with fields cut to their bounds: {}", call.callId(), call.orgId(),
                    call.truncatedFields());
        });
    }
}
