package com.salesai.localstack;

import com.salesai.schema.events.TopicConfigs;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the stack keeps its data and which ports it uses. {@link #defaults} gives the design's fixed ports;
 * tests pick free ones so they never collide with a running stack.
 */
record StackConfig(Path root, Path dataDir, int kafkaPort, int controllerPort, int mongoPort,
                   Map<StackService, Integer> servicePorts, TopicConfigs.Partitions partitions) {

    static StackConfig defaults(Path root) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(root, root.resolve(".local"), 9092, 9093, 27017, ports, partitionsOfThisProcess());
    }

    /**
     * The partition counts as this process's environment sets them ({@code CALLS_TOPIC_PARTITIONS} ...), else the
     * services' defaults; the stack creates the topics with them and hands them to the services, which declare the
     * same. A stack created with fewer partitions would get them raised by the services' declarations after
     * consumers may have subscribed, and those consumers only see the new partitions at their next metadata refresh
     * (minutes): tests use these values too.
     */
    static TopicConfigs.Partitions partitionsOfThisProcess() {
        return TopicConfigs.Partitions.fromEnvironment(System::getenv);
    }

    /** The design's management port is the service port + 1000. */
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    int port(StackService service) {
        return servicePorts.get(service);
    }

    /**
     * Where a process serves its actuator: the design's port (9080–9083, the emulator 9090) when it runs on its
     * default port; otherwise (tests and benchmarks on free ports, an extra instance) any free port, 0, which nothing
     * here polls: readiness is asked on the service port ({@code /readyz}).
     */
    static int managementPort(StackService service, int port) {
        return port == service.defaultPort() ? port + MANAGEMENT_PORT_OFFSET : 0;
    }

    String url(StackService service) {
        return "http://localhost:" + port(service);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
