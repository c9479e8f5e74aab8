package com.salesai.bench.endtoend;

import java.time.Duration;

/**
 * The end-to-end load: an open-loop rate for a warm-up then a measured phase (each bounded by a duration, the
 * measured one also by a call count), then a bounded drain; the fake OpenAI's latency and analysis-service's
 * consumer threads ({@code ANALYSIS_CONCURRENCY}).
 */
record EndToEndSettings(double perSecond, Duration warmUp, Duration measured, int maxCalls, Duration maxDrain,
                        Duration openAiLatency, int analysisConcurrency, int bodySize) {

    /**
     * Issue 9: 20 calls/s for 60 s, OpenAI answering in 200 ms. 20/s × 200 ms needs ≥ 4 analyses in flight; 12
     * consumer threads (one per partition) leave room for the metrics, Mongo and Kafka time around each request.
     */
    static final EndToEndSettings FULL = new EndToEndSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(60),
            1_200, Duration.ofSeconds(60), Duration.ofMillis(200), 12, 60 * 1024);
    static final EndToEndSettings QUICK = new EndToEndSettings(5, Duration.ofSeconds(2), Duration.ofSeconds(4), 20,
            Duration.ofSeconds(30), Duration.ofMillis(200), 12, 4 * 1024);
}
