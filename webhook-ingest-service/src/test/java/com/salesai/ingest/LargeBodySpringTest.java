package com.salesai.ingest;

import com.salesai.schema.events.TopicConfigs;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The flow tests that need the production body limit (10 MiB; the shared context uses a small one), in one context
 * of their own, with an in-flight budget of {@value #INFLIGHT_BYTES} bytes (one 9 MiB body leaves no room for a
 * second) and a read timeout of {@value #READ_TIMEOUT_SECONDS} s, so that both can be reached in a test.
 */
public abstract class LargeBodySpringTest extends IngestSpringTest {
    protected static final long INFLIGHT_BYTES = 16L * 1024 * 1024;
    protected static final int READ_TIMEOUT_SECONDS = 3;

    @DynamicPropertySource
    static void productionBodyLimit(DynamicPropertyRegistry registry) {
        registry.add("app.kafka.topics.max-body-bytes", () -> TopicConfigs.DEFAULT_MAX_BODY_BYTES);
        registry.add("app.ingest.max-inflight-bytes", () -> INFLIGHT_BYTES);
        registry.add("app.ingest.read-timeout", () -> READ_TIMEOUT_SECONDS + "s");
    }
}
