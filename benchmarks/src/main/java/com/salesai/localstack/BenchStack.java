package com.salesai.localstack;

import com.salesai.schema.crypto.Keyring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole local stack (embedded broker and MongoDB-compatible server, Fathom emulator, the four service jars) on
 * free loopback ports with the call partitions of {@code CALLS_TOPIC_PARTITIONS} (12 by default), for the end-to-end
 * benchmark. Lives in the local stack's
 * package because {@link Stack} and its configuration are package-private there.
 */
public final class BenchStack implements AutoCloseable {
    private final Stack stack;

    private BenchStack(Stack stack) {
        this.stack = stack;
    }

    /** Starts everything under {@code dataDir} (which should be empty); {@code overrides} win over the stack's env. */
    public static BenchStack start(Path repositoryRoot, Path dataDir, Map<String, String> overrides)
            throws Exception {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, BenchInfrastructure.freePort());
        }
        StackConfig config = new StackConfig(repositoryRoot, dataDir, BenchInfrastructure.freePort(),
                BenchInfrastructure.freePort(), BenchInfrastructure.freePort(), ports,
                StackConfig.partitionsOfThisProcess());
        return new BenchStack(Stack.start(config, overrides));
    }

    public String ingestUrl() {
        return stack.config().url(StackService.WEBHOOK_INGEST);
    }

    public String integrationUrl() {
        return stack.config().url(StackService.INTEGRATION);
    }

    public String dashboardUrl() {
        return stack.config().url(StackService.DASHBOARD);
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + stack.config().mongoPort();
    }

    public int callPartitions() {
        return stack.config().partitions().calls();
    }

    /** The keyring the stack hands to integration and ingest, to read a stored webhook secret as they do. */
    public Keyring keyring() {
        return Keyring.parse(stack.secrets().cryptoKeys(), stack.secrets().activeKeyId());
    }

    public String devToken(String userId, String orgId, String role, String name, String email, Duration validity) {
        return DevTokens.mint(stack.secrets().devSecret(), userId, orgId, role, name, email, validity);
    }

    /** The service JVMs (by process name, emulator included when it runs), found among this JVM's children. */
    public Map<String, ProcessHandle> serviceProcesses() {
        Map<String, ProcessHandle> found = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            String jar = Path.of(service.jar()).getFileName().toString();
            Optional<ProcessHandle> process = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(line -> line.contains(jar)).orElse(false)).findFirst();
            process.ifPresent(p -> found.put(service.processName(), p));
        }
        return found;
    }

    @Override
    public void close() {
        stack.close();
    }
}
