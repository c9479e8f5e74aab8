package com.salesai.analysis.pipeline;

import com.salesai.analysis.config.AnalysisProperties;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes results keyed by callId and waits for the broker's ack, so a failure surfaces to the caller. */
@Component
class AnalysisPublisher {
    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;

    AnalysisPublisher(KafkaTemplate<String, Object> kafka, AnalysisProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
    }

    void publish(CallAnalyzed analyzed) {
        send(Topics.CALLS_ANALYZED, analyzed.callId(), analyzed);
    }

    void publish(CallAnalysisFailed failed) {
        send(Topics.CALLS_ANALYSIS_FAILED, failed.callId(), failed);
    }

    private void send(String topic, String key, Object event) {
        try {
            kafka.send(topic, key, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing call " + key + " to " + topic + " failed", e);
        }
    }
}
