package com.salesai.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: starts the whole system on this machine with the design's fixed ports (Kafka 9092,
 * MongoDB 27017, dev identity provider 9000, emulator 8090, services 8080–8083), data under {@code .local/}, then
 * prints URLs, the users to sign in as, dev tokens and the curl lines of a first call. Environment variables of the design (OPENAI_API_KEY, FATHOM_API_BASE_URL, ...)
 * pass through, so the same command runs against the emulator or the real Fathom and OpenAI. With
 * {@code --fake-openai} and no {@code OPENAI_API_KEY}, a local fake OpenAI answers (otherwise analysis runs against
 * the real API, or in metrics-only mode without a key). {@code --except <service>} leaves a service out and prints
 * the environment to start it by hand. Ctrl-C stops everything.
 */
public final class LocalStack {
    static final String ORG = "org-acme";
    static final String REP = "rep-alice";
    static final String HEAD = "head-hugo";
    static final int FAKE_OPENAI_PORT = 8091;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        StackArgs options;
        try {
            options = StackArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        StackConfig defaults = StackConfig.defaults(root);
        // -Dstack.data lets browser tests and benchmarks run on a throw-away data folder.
        Path data = Path.of(System.getProperty("stack.data", defaults.dataDir().toString())).toAbsolutePath();
        StackConfig config = new StackConfig(root, data, defaults.kafkaPort(), defaults.controllerPort(),
                defaults.mongoPort(), defaults.servicePorts(), defaults.partitions());
        CountDownLatch stopped = new CountDownLatch(1);
        Map<String, String> overrides = new HashMap<>();
        FakeOpenAi fakeOpenAi = null;
        if (options.fakeOpenAi() && Stack.envOr("OPENAI_API_KEY", "").isEmpty()) {
            fakeOpenAi = FakeOpenAi.start(FAKE_OPENAI_PORT, Duration.ofMillis(200));
            overrides.put("OPENAI_API_KEY", "fake-openai-key");
            overrides.put("OPENAI_BASE_URL", fakeOpenAi.baseUrl());
            Stack.say("fake OpenAI at " + fakeOpenAi.baseUrl());
        }
        Stack stack = Stack.start(config, overrides, options.except());
        FakeOpenAi startedFake = fakeOpenAi;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            if (startedFake != null) {
                startedFake.close();
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(Banner.render(config, stack.secrets(), Duration.between(started, Instant.now())));
        for (StackService service : options.except()) {
            System.out.println(StartByHand.render(config, service, stack.environment(service)));
        }
        stopped.await();
    }
}
