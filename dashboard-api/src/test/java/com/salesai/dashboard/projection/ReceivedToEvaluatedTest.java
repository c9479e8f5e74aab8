package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code dashboard.calls.received.to.evaluated}: from a call's receipt to its first evaluation, once per call. */
@DashboardIntegrationTest
class ReceivedToEvaluatedTest {
    private static final String ORG = "org-timed";
    private static final String TIMER = "dashboard.calls.received.to.evaluated";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    CallRecordStore store;

    @Test
    void theFirstEvaluationOfARecordedCallIsTimedFromItsReceiptAndNoLaterAnalysisIsTimedAgain() throws Exception {
        Timer timer = meters.timer(TIMER, "source", "webhook");
        long countBefore = timer.count();
        double secondsBefore = timer.totalTime(TimeUnit.SECONDS);
        Instant receivedAt = Instant.now().minusSeconds(30);
        // the test events are received 3 500 s after the call started
        var recorded = TestEvents.recorded("timed-1", ORG, "alice", "Alice Martin", "Timed call",
                receivedAt.minusSeconds(3500));
        CallAnalyzed analyzed = TestEvents.analyzed("timed-1", ORG, "alice", 70, Outcome.ADVANCED, 0.4, Instant.now());
        CallAnalyzed reanalyzed = TestEvents.analyzed("timed-1", ORG, "alice", 75, Outcome.ADVANCED, 0.4,
                Instant.now().plusSeconds(60));

        var producer = new DefaultKafkaProducerFactory<String, Object>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        try {
            KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(producer);
            kafka.send(Topics.CALLS_RECORDED, "timed-1", recorded).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> store.find("timed-1").isPresent());
            kafka.send(Topics.CALLS_ANALYZED, "timed-1", analyzed).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> timer.count() > countBefore);
            kafka.send(Topics.CALLS_ANALYZED, "timed-1", analyzed).get();      // redelivery
            kafka.send(Topics.CALLS_ANALYZED, "timed-1", reanalyzed).get();    // a newer analysis, still evaluated
            await().atMost(Duration.ofSeconds(20)).until(() -> store.find("timed-1")
                    .map(r -> r.analysis().overallScore()).orElse(0) == 75);
        } finally {
            producer.destroy();
        }

        assertThat(timer.count() - countBefore).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.SECONDS) - secondsBefore).isBetween(30.0, 60.0);
        assertThat(prometheus.scrape()).as("the buckets of the dashboard's webhook-to-evaluated panel")
                .containsPattern("dashboard_calls_received_to_evaluated_seconds_bucket\\{[^}]*source=\"webhook\""
                        + "[^}]*le=\"60\\.0\"} [1-9]");
    }
}
