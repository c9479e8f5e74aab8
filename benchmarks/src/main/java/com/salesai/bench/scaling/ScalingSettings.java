package com.salesai.bench.scaling;

import java.time.Duration;
import java.util.List;

/**
 * The scaling runs: instance counts, calls per run (a multiple of the partition count, so every partition gets the
 * same share), the fake OpenAI's latency, and how long one run may wait for its last {@code CallAnalyzed}.
 */
record ScalingSettings(List<Integer> instanceCounts, int partitions, int calls, Duration openAiLatency,
                       Duration maxWait) {

    ScalingSettings {
        if (calls % partitions != 0) {
            throw new IllegalArgumentException("calls must be a multiple of the partitions: " + calls);
        }
    }

    /** 72 calls × 500 ms ≈ 36 s for one consumer (issue 9: 12 partitions, 1, 2 and 4 consumers). */
    static final ScalingSettings FULL = new ScalingSettings(List.of(1, 2, 4), 12, 72, Duration.ofMillis(500),
            Duration.ofSeconds(120));
    static final ScalingSettings QUICK = new ScalingSettings(List.of(1, 2), 12, 12, Duration.ofMillis(100),
            Duration.ofSeconds(60));
}
