package com.salesai.localstack;

import java.io.IOException;
import java.time.Duration;

/**
 * The local stack's {@link FakeOpenAi} (healthy, fixed latency, loopback, free port) for benchmarks. Lives in the
 * local stack's package because the fake is package-private there.
 */
public final class BenchOpenAi implements AutoCloseable {
    private final FakeOpenAi fake;

    private BenchOpenAi(FakeOpenAi fake) {
        this.fake = fake;
    }

    public static BenchOpenAi start(Duration latency) throws IOException {
        return new BenchOpenAi(FakeOpenAi.start(0, latency));
    }

    /** What analysis-service gets as {@code OPENAI_BASE_URL}. */
    public String baseUrl() {
        return fake.baseUrl();
    }

    /** Evaluation requests answered so far (one per analyzed call). */
    public int evaluations() {
        return fake.evaluations();
    }

    @Override
    public void close() {
        fake.close();
    }
}
