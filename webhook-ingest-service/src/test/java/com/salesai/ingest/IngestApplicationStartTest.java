package com.salesai.ingest;

import com.salesai.testsupport.RunningContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

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
}
