package com.salesai.analysis.pipeline;

import com.salesai.platform.kafka.DeadLetters;
import com.salesai.platform.kafka.PlatformKafkaProperties;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The recovery of a call whose analysis failed for good, when the call was erased meanwhile, and when it was not. */
class AnalysisFailureRecovererTest {
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final AnalysisPublisher publisher = mock(AnalysisPublisher.class);
    private final CallErasure erasure = mock(CallErasure.class);
    private final AnalysisFailureRecoverer recoverer = new AnalysisFailureRecoverer(deadLetters, publisher,
            mock(CallAnalysisService.class), erasure, new PlatformKafkaProperties(Duration.ofSeconds(10), null,
            new PlatformKafkaProperties.Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10))),
            new SimpleMeterRegistry());
    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.CALLS_RECORDED, 0, 7, "call-1",
            ("{\"callId\":\"call-1\",\"orgId\":\"org-1\",\"userId\":\"u1\",\"transcript\":[{\"speaker\":\"Rep\","
                    + "\"text\":\"confidential\"}]}").getBytes());

    @Test
    void anErasedCallIsNeitherReportedNorDeadLettered() {
        when(erasure.isErased("call-1")).thenReturn(true);

        recoverer.accept(record, new IllegalStateException("OpenAI 500"));

        verify(publisher, never()).publish(any(CallAnalysisFailed.class));
        verify(deadLetters, never()).publish(any(), any());
    }

    @Test
    void aCallNotErasedIsReportedAndDeadLettered() {
        recoverer.accept(record, new IllegalStateException("OpenAI 500"));

        verify(publisher).publish(any(CallAnalysisFailed.class));
        verify(deadLetters).publish(eq(record), any());
    }
}
