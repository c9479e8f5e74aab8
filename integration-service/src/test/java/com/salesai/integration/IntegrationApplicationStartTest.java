package com.salesai.integration;

import com.salesai.testsupport.RunningContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

class IntegrationApplicationStartTest extends IntegrationTestBase {

    @LocalManagementPort
    int managementPort;

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
        RunningContract.assertActuatorOnlyOnTheManagementPort(port, managementPort, "integration-service");
        RunningContract.assertProbesAnswerOnTheServicePort(port);
        RunningContract.assertAnonymousHealthShowsNoDetails(managementPort);
        RunningContract.assertInfoNamesTheBuildAndItsCommit(managementPort);
    }
}
