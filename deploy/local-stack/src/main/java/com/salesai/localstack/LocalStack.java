package com.salesai.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on this machine: embedded KRaft broker (9092), embedded MongoDB-compatible server
 * (27017), the Fathom emulator (8090) and the four services, each its own JVM. Data stays under {@code .local/};
 * Ctrl-C stops everything. Environment variables of the design (OPENAI_API_KEY, FATHOM_API_BASE_URL, ...) pass
 * through, so the same command runs against the emulator or the real Fathom and OpenAI.
 */
public final class LocalStack {
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;
    static final int CALL_PARTITIONS = 12;
    static final String ORG = "org-acme";
    static final String REP = "rep-alice";
    static final String HEAD = "head-hugo";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".local");
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data);
        List<AutoCloseable> running = new ArrayList<>();
        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(services, running);
            stopped.countDown();
        }, "local-stack-shutdown"));

        say("data folder " + data);
        running.add(EmbeddedMongo.start(data.resolve("mongo/mongo.mv"), MONGO_PORT));
        say("MongoDB-compatible server on 127.0.0.1:" + MONGO_PORT);
        running.add(EmbeddedKafkaBroker.start(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT));
        String bootstrap = "127.0.0.1:" + KAFKA_PORT;
        TopicSetup.ensure(bootstrap, CALL_PARTITIONS);
        say("Kafka (KRaft) on " + bootstrap + ", topics ready");

        Map<String, String> env = serviceEnvironment(secrets, bootstrap);
        Path logs = data.resolve("logs");
        for (StackService service : StackService.values()) {
            Path jar = root.resolve(service.jar());
            if (service.optional() && !Files.isRegularFile(jar)) {
                continue;
            }
            services.add(ServiceProcess.start(service.processName(), jar, service.port(), service.readinessPath(),
                    env, logs));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
            say(service.name() + " ready at " + service.url() + " (log " + service.log() + ")");
        }
        System.out.println(Banner.render(secrets, Duration.between(started, Instant.now())));
        stopped.await();
    }

    private static Map<String, String> serviceEnvironment(LocalSecrets secrets, String bootstrap) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + MONGO_PORT);
        env.put("SPRING_PROFILES_ACTIVE", "embedded-mongo");
        env.put("APP_AUTH_DEV_SECRET", secrets.devSecret());
        env.put("APP_CRYPTO_KEYS", secrets.cryptoKeys());
        env.put("APP_CRYPTO_ACTIVE_KEY", secrets.activeKeyId());
        env.put("FATHOM_API_BASE_URL", envOr("FATHOM_API_BASE_URL",
                "http://localhost:" + StackService.FATHOM_EMULATOR.port() + "/external/v1"));
        env.put("PUBLIC_BASE_URL", envOr("PUBLIC_BASE_URL",
                "http://localhost:" + StackService.WEBHOOK_INGEST.port()));
        return env;
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void stopAll(List<ServiceProcess> services, List<AutoCloseable> running) {
        say("stopping...");
        for (ServiceProcess service : reversed(services)) {
            try {
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable resource : reversed(running)) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[local-stack] stopping " + resource + " failed: " + e);
            }
        }
        say("stopped");
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static void say(String message) {
        System.out.println("[local-stack] " + message);
    }
}
