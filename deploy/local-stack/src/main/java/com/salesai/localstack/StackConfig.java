package com.salesai.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the stack keeps its data and which ports it uses. {@link #defaults} gives the design's fixed ports;
 * tests pick free ones so they never collide with a running stack.
 */
record StackConfig(Path root, Path dataDir, int kafkaPort, int controllerPort, int mongoPort,
                   Map<StackService, Integer> servicePorts, int callPartitions) {

    /** The design's one setting of the partition count of the calls topics and their DLTs, read by every service. */
    static final String CALL_PARTITIONS_VARIABLE = "CALLS_TOPIC_PARTITIONS";

    static StackConfig defaults(Path root) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(root, root.resolve(".local"), 9092, 9093, 27017, ports, callPartitionsOfThisProcess());
    }

    /**
     * {@value #CALL_PARTITIONS_VARIABLE} as this process has it, else the services' default (12); the stack creates
     * the topics with it and hands it to the services, which declare the same. A stack created with fewer partitions
     * would get them raised by the services' declarations after consumers may have subscribed, and those consumers
     * only see the new partitions at their next metadata refresh (minutes): tests use this value too.
     */
    static int callPartitionsOfThisProcess() {
        String value = System.getenv(CALL_PARTITIONS_VARIABLE);
        return value == null || value.isBlank() ? 12 : Integer.parseInt(value.strip());
    }

    int port(StackService service) {
        return servicePorts.get(service);
    }

    String url(StackService service) {
        return "http://localhost:" + port(service);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
