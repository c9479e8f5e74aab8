package com.salesai.dashboard;

import com.salesai.dashboard.projection.CallProjection;
import com.salesai.testsupport.RunningContract;
import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DashboardIntegrationTest
class DashboardApplicationStartTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    CallProjection projection;

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
        RunningContract.assertActuatorOnlyOnTheManagementPort(port, managementPort, "dashboard-api");
        RunningContract.assertProbesAnswerOnTheServicePort(port);
        RunningContract.assertAnonymousHealthShowsNoDetails(managementPort);
        RunningContract.assertInfoNamesTheBuildAndItsCommit(managementPort);
    }

    /**
     * Boot's factories bind the Kafka clients' metrics: the read model's listeners and the status feed consume, and
     * the status broadcast produces once a call's status changed.
     */
    @Test
    void kafkaClientMetricsOfTheConsumersAndTheProducerAreExposed() {
        projection.on(TestEvents.recorded("metrics-call", "org-metrics", "alice", "Alice", "Kick-off",
                Instant.parse("2026-10-01T09:00:00Z")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ServiceProbe.get(managementPort,
                "/actuator/prometheus").body()).contains("kafka_producer_record_send_total")
                .contains("kafka_consumer_fetch_manager_records_consumed_total")
                .contains("client_id=\"dashboard-status-feed\""));
    }
}
