package com.salesai.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: starts the whole system on this machine with the design's fixed ports (Kafka 9092,
 * MongoDB 27017, emulator 8090, services 8080–8083), data under {@code .local/}, then prints URLs, dev tokens and
 * the curl lines of a first call. Environment variables of the design (OPENAI_API_KEY, FATHOM_API_BASE_URL, ...)
 * pass through, so the same command runs against the emulator or the real Fathom and OpenAI. Ctrl-C stops
 * everything.
 */
public final class LocalStack {
    static final String ORG = "org-acme";
    static final String REP = "rep-alice";
    static final String HEAD = "head-hugo";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.defaults(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Stack stack = Stack.start(config, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(Banner.render(config, stack.secrets(), Duration.between(started, Instant.now())));
        stopped.await();
    }
}
