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

    /**
     * The partition count the services declare for the calls topics. A stack created with fewer partitions gets
     * them raised by the services' topic declarations after consumers may have subscribed, and those consumers
     * only see the new partitions at their next metadata refresh (minutes): tests use this value too.
     */
    static final int DEFAULT_CALL_PARTITIONS = 12;

    static StackConfig defaults(Path root) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(root, root.resolve(".local"), 9092, 9093, 27017, ports, DEFAULT_CALL_PARTITIONS);
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
