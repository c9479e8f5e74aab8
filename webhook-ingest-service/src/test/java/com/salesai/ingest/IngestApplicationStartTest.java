package com.salesai.ingest;

import com.salesai.testsupport.RunningContract;
import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

class IngestApplicationStartTest extends IngestSpringTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
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
}
