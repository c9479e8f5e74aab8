package com.salesai.integration;

import com.salesai.testsupport.RunningContract;
import com.salesai.testsupport.ServiceProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationApplicationStartTest extends IntegrationTestBase {

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
        RunningContract.assertActuatorOnlyOnTheManagementPort(port, managementPort, "integration-service");
        RunningContract.assertProbesAnswerOnTheServicePort(port);
        RunningContract.assertAnonymousHealthShowsNoDetails(managementPort);
        RunningContract.assertInfoNamesTheBuildAndItsCommit(managementPort);
    }

    /** Boot's factories bind the Kafka clients' metrics: the known-calls listener's, and the producer's once used. */
    @Test
    void kafkaClientMetricsOfTheProducerAndTheConsumerAreExposed() {
        String userId = "user-" + UUID.randomUUID();
        String apiKey = "fathom-key-" + UUID.randomUUID() + "-abcd";
        FathomStub.meetings(FATHOM, apiKey, 1);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_metrics", "whsec_bWV0cmljcy1zZWNyZXQtbWV0cmljcw==");
        assertThat(api().call("PUT", "/api/integrations/fathom", Tokens.forUser(userId, "org-1"),
                "{\"apiKey\":\"" + apiKey + "\"}").status()).as("saved, so IntegrationChanged was published")
                .isEqualTo(200);

        String prometheus = ServiceProbe.get(managementPort, "/actuator/prometheus").body();

        assertThat(prometheus).contains("kafka_producer_record_send_total")
                .contains("kafka_consumer_fetch_manager_records_consumed_total");
    }
}
