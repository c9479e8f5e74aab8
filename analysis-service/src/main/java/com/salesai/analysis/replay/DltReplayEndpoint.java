package com.salesai.analysis.replay;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Re-drives dead-lettered calls, a platform operation: {@code POST /actuator/dltreplay} on the management port,
 * operator token only ({@code APP_ADMIN_TOKEN}); without a token of at least 32 characters it does not exist.
 */
@Component
@Endpoint(id = "dltreplay")
class DltReplayEndpoint {
    private final DltReplayer replayer;

    DltReplayEndpoint(DltReplayer replayer) {
        this.replayer = replayer;
    }

    @WriteOperation
    Map<String, Integer> replay() {
        return Map.of("replayed", replayer.replay());
    }
}
