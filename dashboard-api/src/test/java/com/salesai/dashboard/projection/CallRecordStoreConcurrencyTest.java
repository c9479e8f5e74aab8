package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers of one call never lose a part: the revision-guarded replace re-reads and re-merges. */
@DashboardIntegrationTest
class CallRecordStoreConcurrencyTest {

    static final Instant T0 = Instant.parse("2026-10-10T10:00:00Z");

    @Autowired
    CallProjection projection;
    @Autowired
    MongoTemplate mongo;

    @Test
    void concurrentRecordedAnalyzedAndFailedForOneCallKeepEveryPart() throws Exception {
        for (int round = 0; round < 5; round++) {
            String callId = "race-" + round;
            List<Object> events = List.of(
                    TestEvents.recorded(callId, "org-race", "u1", "Rep", "Race " + round, T0),
                    TestEvents.analyzed(callId, "org-race", "u1", 64, Outcome.STALLED, 0.5, T0.plusSeconds(600)),
                    TestEvents.failed(callId, "org-race", "u1", T0.plusSeconds(300)),
                    TestEvents.recorded(callId, "org-race", "u1", "Rep", "Race " + round, T0));
            ExecutorService pool = Executors.newFixedThreadPool(events.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Object event : events) {
                done.add(pool.submit(() -> {
                    start.await();
                    apply(event);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            CallRecord stored = mongo.findById(callId, CallRecord.class);
            assertThat(stored.status()).isEqualTo("evaluated");
            assertThat(stored.recorded().title()).isEqualTo("Race " + round);
            assertThat(stored.analysis().overallScore()).isEqualTo(64);
            assertThat(stored.failure()).isNotNull();
        }
    }

    private void apply(Object event) {
        if (event instanceof com.salesai.schema.events.CallRecorded r) {
            projection.on(r);
        } else if (event instanceof com.salesai.schema.events.CallAnalyzed a) {
            projection.on(a);
        } else {
            projection.on((com.salesai.schema.events.CallAnalysisFailed) event);
        }
    }
}
