package com.salesai.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one stack the integration tests of this module share (a stack start is a minute on a 2-core machine): started
 * by the first class that asks for it as a {@code @BeforeAll} parameter, kept in the root extension store and closed
 * when the whole run ends. The classes run in the order of their {@code @Order} (junit-platform.properties):
 * {@link EndToEndIT} first, on a fresh stack; {@link SecuritySuiteIT}; {@link FaultSuiteIT} last, since it kills and
 * restarts processes. Each uses its own titles, users and organizations or counts relative to what was there.
 */
final class SharedStack implements AutoCloseable {
    /** The catch-up sync, often enough that a lost webhook is recovered within a test. */
    static final String SYNC_INTERVAL = "4s";
    /** analysis-service's deliveries of a record in all, and the first wait between them (then doubling). */
    static final int ANALYSIS_RETRY_ATTEMPTS = 4;
    static final Duration ANALYSIS_RETRY_INITIAL_INTERVAL = Duration.ofSeconds(1);
    /**
     * How long a consumer that died without leaving (kill -9) keeps its partitions: Kafka's default is 45 s, during
     * which the restarted instance's join waits; the broker's minimum is 6 s.
     */
    static final Duration CONSUMER_SESSION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Every process of the stack JIT-compiles with C1 only: a service JVM starts markedly faster on a busy 2-core
     * machine (no C2 compiler threads competing with the start), and the suites start seven of them, three during
     * the fault suite.
     */
    static final String SERVICE_JVM_OPTIONS = "-XX:TieredStopAtLevel=1";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    private final Path data;
    private final FakeOpenAi openAi;
    private final Stack stack;
    private final String operatorToken;
    private final Duration startTime;
    private final String startedBy;

    private SharedStack(Path data, FakeOpenAi openAi, Stack stack, String operatorToken, Duration startTime,
                        String startedBy) {
        this.data = data;
        this.openAi = openAi;
        this.stack = stack;
        this.operatorToken = operatorToken;
        this.startTime = startTime;
        this.startedBy = startedBy;
    }

    /** Resolves a {@code SharedStack} parameter (of a {@code @BeforeAll} method) to the run's one stack. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SharedStack.class,
                    key -> start(context.getRequiredTestClass().getSimpleName()),
                    SharedStack.class);
        }
    }

    /**
     * The union of what the suites need: the fake OpenAI, French analyses, a catch-up sync every few seconds on
     * meetings a second old, JSON logs (the trace test reads them), the operator token (security suite), short
     * OpenAI timeouts and retries and DEBUG logging of the services' own code (fault suite).
     */
    private static SharedStack start(String startedBy) {
        Instant started = Instant.now();
        Path data = null;
        FakeOpenAi openAi = null;
        try {
            data = Files.createTempDirectory("local-stack-it");
            openAi = FakeOpenAi.start(0, Duration.ofMillis(50));
            Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
            for (StackService service : StackService.values()) {
                ports.put(service, freePort());
            }
            StackConfig config = new StackConfig(Path.of("../..").toAbsolutePath().normalize(), data, freePort(),
                    freePort(), freePort(), ports, StackConfig.partitionsOfThisProcess());
            String operatorToken = randomToken();
            Stack stack = Stack.start(config, Map.ofEntries(Map.entry("OPENAI_API_KEY", "local-stack-it-key"),
                    Map.entry("OPENAI_BASE_URL", openAi.baseUrl()), Map.entry("OPENAI_MODEL", "gpt-5-mini"),
                    Map.entry("OPENAI_TIMEOUT", "3s"), Map.entry("OPENAI_MAX_RETRIES", "1"),
                    Map.entry("ANALYSIS_RETRY_INITIAL_INTERVAL", ANALYSIS_RETRY_INITIAL_INTERVAL.toSeconds() + "s"),
                    Map.entry("ANALYSIS_RETRY_ATTEMPTS", Integer.toString(ANALYSIS_RETRY_ATTEMPTS)),
                    Map.entry("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS",
                            Long.toString(CONSUMER_SESSION_TIMEOUT.toMillis())),
                    Map.entry("ANALYSIS_LANGUAGE", "fr"), Map.entry("LOGGING_LEVEL_COM_SALESAI", "DEBUG"),
                    Map.entry("LOG_FORMAT", "json"), Map.entry("JAVA_TOOL_OPTIONS", SERVICE_JVM_OPTIONS),
                    Map.entry("APP_ADMIN_TOKEN", operatorToken),
                    Map.entry("FATHOM_SYNC_INTERVAL", SYNC_INTERVAL), Map.entry("FATHOM_SYNC_SETTLE", "1s")));
            return new SharedStack(data, openAi, stack, operatorToken, Duration.between(started, Instant.now()),
                    startedBy);
        } catch (Exception e) {
            if (openAi != null) {
                openAi.close();
            }
            deleteQuietly(data);
            throw new IllegalStateException("the local stack did not start", e);
        }
    }

    Stack stack() {
        return stack;
    }

    FakeOpenAi openAi() {
        return openAi;
    }

    /** The platform operator's token ({@code APP_ADMIN_TOKEN}) the services were started with. */
    String operatorToken() {
        return operatorToken;
    }

    /** How long starting the stack took, and in which test class (the reports print both). */
    String started() {
        return "%d s to start, in `%s`".formatted(startTime.toSeconds(), startedBy);
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            openAi.close();
            deleteQuietly(data);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
