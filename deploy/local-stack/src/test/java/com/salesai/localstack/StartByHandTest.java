package com.salesai.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartByHandTest {

    @Test
    void printsTheStacksEnvironmentWithTheServicePortThenHowToStartIt() {
        StackConfig config = StackConfig.defaults(Path.of("/repo"));

        String printed = StartByHand.render(config, StackService.INTEGRATION, Map.of(
                "MONGODB_URI", "mongodb://127.0.0.1:27017", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));

        assertThat(printed).contains("integration-service is not started (--except): start it by hand on "
                        + "http://localhost:8082")
                .contains("  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092\n"
                        + "  export MONGODB_URI=mongodb://127.0.0.1:27017\n"
                        + "  export SERVER_PORT=8082\n")
                .contains("then run com.salesai.integration.IntegrationApplication")
                .contains("java -jar integration-service/target/integration-service-0.1.0-SNAPSHOT.jar");
    }
}
