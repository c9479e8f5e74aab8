package com.salesai.ingest;

import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IngestApplicationStartTest extends IngestSpringTest {

    /** Ready once the integration view has caught up with fathom.integrations, on its own thread, soon after start. */
    @Test
    void startsReadyAndExposesPrometheusMetrics() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var readiness = ServiceProbe.get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("integrationView");
        });

        var prometheus = ServiceProbe.get(port, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("service=\"webhook-ingest-service\"");
    }

    /**
     * Boot's factories bind the Kafka clients' metrics: the producer's once a delivery was published, and the
     * integration view follower's consumer (no consumer group, but built by Boot's consumer factory).
     */
    @Test
    void kafkaClientMetricsOfTheProducerAndTheIntegrationViewConsumerAreExposed() {
        assertThat(client().deliver(activeUser(), payload("nested.json")).statusCode()).isEqualTo(202);

        String prometheus = ServiceProbe.get(port, "/actuator/prometheus").body();

        assertThat(prometheus).contains("kafka_producer_record_send_total")
                .contains("kafka_consumer_fetch_manager_records_consumed_total")
                .contains("client_id=\"ingest-integration-view\"");
    }

    private static String payload(String resource) {
        try (InputStream in = IngestApplicationStartTest.class.getResourceAsStream("/payloads/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
