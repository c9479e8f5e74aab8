package com.salesai.ingest;

import com.salesai.testsupport.RunningContract;
import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IngestApplicationStartTest extends IngestSpringTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
        // ready once the integration view has caught up with fathom.integrations, on its own thread, soon after start
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(ServiceProbe.get(port, "/readyz").statusCode()).isEqualTo(200));
        RunningContract.assertActuatorOnlyOnTheManagementPort(port, managementPort, "webhook-ingest-service");
        RunningContract.assertProbesAnswerOnTheServicePort(port);
        RunningContract.assertAnonymousHealthShowsNoDetails(managementPort);
        RunningContract.assertInfoNamesTheBuildAndItsCommit(managementPort);
    }

    /** The dashboard's webhook response time and publish latency panels read these buckets. */
    @Test
    void webhookResponseTimeAndPublishLatencyHaveTheirSloBuckets() {
        client().post("nobody-" + System.nanoTime(), WebhookClient.newWebhookId(), "0", "v1,x", "{}".getBytes());

        String scrape = ServiceProbe.get(managementPort, "/actuator/prometheus").body();

        assertThat(scrape)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/webhooks/fathom/\\{userId}\","
                        + "le=\"0\\.25\"}")
                .containsPattern("ingest_publish_latency_seconds_bucket\\{[^}]*le=\"0\\.1\"}");
    }

    /**
     * Boot's factories bind the Kafka clients' metrics: the producer's once a delivery was published, and the
     * integration view follower's consumer (no consumer group, but built by Boot's consumer factory).
     */
    @Test
    void kafkaClientMetricsOfTheProducerAndTheIntegrationViewConsumerAreExposed() {
        assertThat(client().deliver(activeUser(), payload("nested.json")).statusCode()).isEqualTo(202);

        String prometheus = ServiceProbe.get(managementPort, "/actuator/prometheus").body();

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
