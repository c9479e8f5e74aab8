package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running system: embedded broker and MongoDB-compatible server in this JVM, the emulator and the services as
 * child JVMs. Closing it stops the services first, then the infrastructure.
 */
final class Stack implements AutoCloseable {
    /** A service JVM has been seen to need ~3 minutes to start on a busy 2-core machine. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private final StackConfig config;
    private final LocalSecrets secrets;
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private EmbeddedMongo mongo;
    private EmbeddedKafkaBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> providerEnvironment = new HashMap<>();

    private Stack(StackConfig config, LocalSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /**
     * Starts everything and waits until every service is ready. {@code overrides} wins over the computed
     * environment (tests use it for the fake OpenAI); variables already set in this process pass through.
     */
    static Stack start(StackConfig config, Map<String, String> overrides) throws Exception {
        return start(config, overrides, Set.of());
    }

    /** As {@link #start(StackConfig, Map)}, without the services of {@code except}, which the developer starts. */
    static Stack start(StackConfig config, Map<String, String> overrides, Set<StackService> except)
            throws Exception {
        Stack stack = new Stack(config, LocalSecrets.loadOrCreate(config.dataDir()));
        try {
            stack.startInfrastructure();
            stack.startServices(overrides, except);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() throws Exception {
        say("data folder " + config.dataDir());
        mongo = EmbeddedMongo.start(config.dataDir().resolve("mongo/mongo.mv"), config.mongoPort());
        infrastructure.add(mongo);
        say("MongoDB-compatible server on 127.0.0.1:" + config.mongoPort());
        broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(),
                config.controllerPort());
        infrastructure.add(broker);
        TopicSetup.ensure(config.kafkaBootstrap(), config.partitions());
        say("Kafka (KRaft) on " + config.kafkaBootstrap() + ", topics ready");
    }

    private void startServices(Map<String, String> overrides, Set<StackService> except) throws Exception {
        environment.putAll(serviceEnvironment(config, secrets));
        environment.putAll(overrides);
        providerEnvironment.putAll(providerEnvironment(config));
        providerEnvironment.putAll(overrides);
        for (StackService service : StackService.values()) {
            Path jar = config.root().resolve(service.jar());
            if (except.contains(service) || service.optional() && !Files.isRegularFile(jar)) {
                continue;
            }
            services.add(launch(service, config.port(service)));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            say(service.name() + " ready at " + service.url() + " (log " + service.log() + ")");
        }
    }

    static Map<String, String> serviceEnvironment(StackConfig config, LocalSecrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        TopicConfigs.Partitions partitions = config.partitions();
        env.put(TopicConfigs.Partitions.CALLS_PARTITIONS_VARIABLE, partitions.calls().toString());
        env.put(TopicConfigs.Partitions.INTEGRATIONS_PARTITIONS_VARIABLE, partitions.integrations().toString());
        env.put(TopicConfigs.Partitions.QUARANTINE_PARTITIONS_VARIABLE, partitions.quarantine().toString());
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + config.mongoPort());
        env.put("SPRING_PROFILES_ACTIVE", "embedded-mongo");
        // the dev identity provider's tokens, and the dev tokens the banner prints, both accepted
        env.put("APP_AUTH_ISSUER_URI", config.url(StackService.IDENTITY_PROVIDER));
        env.put("APP_AUTH_AUDIENCE", DevIdentityProvider.AUDIENCE);
        env.put("APP_AUTH_DEV_SECRET", secrets.devSecret());
        env.put("APP_CRYPTO_KEYS", secrets.cryptoKeys());
        env.put("APP_CRYPTO_ACTIVE_KEY", secrets.activeKeyId());
        env.put("FATHOM_API_BASE_URL", envOr("FATHOM_API_BASE_URL",
                config.url(StackService.FATHOM_EMULATOR) + "/external/v1"));
        env.put("PUBLIC_BASE_URL", envOr("PUBLIC_BASE_URL", config.url(StackService.WEBHOOK_INGEST)));
        // The settings pages are served by dashboard-api and call integration-service and analysis-service, on their own
        // origins here, from the browser: dashboard-api tells the pages where they are (and lets them call them), the
        // services allow them.
        env.put("APP_CORS_ALLOWED_ORIGINS", envOr("APP_CORS_ALLOWED_ORIGINS", config.url(StackService.DASHBOARD)));
        env.put("APP_WEB_INTEGRATION_API_URL", envOr("APP_WEB_INTEGRATION_API_URL",
                config.url(StackService.INTEGRATION)));
        env.put("APP_WEB_ANALYSIS_API_URL", envOr("APP_WEB_ANALYSIS_API_URL", config.url(StackService.ANALYSIS)));
        return env;
    }

    /** Its keys in the data folder (tokens stay valid across runs), the pages of this stack as its web client's. */
    static Map<String, String> providerEnvironment(StackConfig config) {
        Map<String, String> env = new HashMap<>();
        env.put("DEV_IDP_KEY_FILE", config.dataDir().resolve("idp/jwks.json").toString());
        int pages = config.port(StackService.DASHBOARD);
        env.put("DEV_IDP_PAGES_URLS", "http://localhost:" + pages + "/,http://127.0.0.1:" + pages + "/");
        env.put("APP_DEV_PASSWORD", DevIdentityProvider.password());
        env.put("APP_DEV_CLI_SECRET", DevIdentityProvider.cliSecret());
        return env;
    }

    private ServiceProcess launch(StackService service, int port) throws java.io.IOException {
        return ServiceProcess.start(service.processName() + (port == config.port(service) ? "" : "-" + port),
                config.root().resolve(service.jar()), port, StackConfig.managementPort(service, port),
                service.readinessPath(), environment(service),
                config.dataDir().resolve("logs"));
    }

    /** The running process of a service (fault tests stop, kill and restart it). */
    ServiceProcess process(StackService service) {
        String name = service.processName();
        return services.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Starts a service again (after a stop or kill) on its port and waits until it is ready. */
    ServiceProcess restart(StackService service) throws Exception {
        services.removeIf(p -> p.name().equals(service.processName()) && !p.isAlive());
        ServiceProcess started = launch(service, config.port(service));
        services.add(started);
        started.awaitReady(READY_TIMEOUT);
        return started;
    }

    /**
     * Starts another process of a service on {@code port}, with the same environment (so the same consumer group),
     * and waits until it is ready; {@link #process(StackService)} keeps returning the first one.
     */
    ServiceProcess startExtra(StackService service, int port) throws Exception {
        if (port == config.port(service)) {
            throw new IllegalArgumentException(service.processName() + " already uses port " + port);
        }
        ServiceProcess started = launch(service, port);
        services.add(started);
        started.awaitReady(READY_TIMEOUT);
        return started;
    }

    /** Stops the embedded broker (controlled shutdown); the services keep running and see it unreachable. */
    void stopBroker() {
        broker.stop();
    }

    /** Starts the broker again on the same ports and log directory. */
    void startBroker() {
        broker.start();
    }

    /** Stops the MongoDB-compatible server that every service's database lives in. */
    void stopMongo() {
        mongo.stop();
    }

    /** Starts it again on the same port and H2 file. */
    void startMongo() {
        mongo.start();
    }

    StackConfig config() {
        return config;
    }

    LocalSecrets secrets() {
        return secrets;
    }

    /** The environment every service process gets, besides its {@code SERVER_PORT}. */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** What {@code service} gets: the services' environment, or the identity provider's own. */
    Map<String, String> environment(StackService service) {
        return Map.copyOf(service == StackService.IDENTITY_PROVIDER ? providerEnvironment : environment);
    }

    @Override
    public void close() {
        say("stopping...");
        List<ServiceProcess> servicesFirst = new ArrayList<>(services);
        Collections.reverse(servicesFirst);
        for (ServiceProcess service : servicesFirst) {
            try {
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<AutoCloseable> infrastructureLast = new ArrayList<>(infrastructure);
        Collections.reverse(infrastructureLast);
        for (AutoCloseable resource : infrastructureLast) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[local-stack] stopping " + resource + " failed: " + e);
            }
        }
        say("stopped");
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void say(String message) {
        System.out.println("[local-stack] " + message);
    }
}
