package com.salesai.analysis;

import com.salesai.testsupport.RunningContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@AnalysisServiceTest
class AnalysisApplicationStartTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void startsReadyWithActuatorOnTheManagementPortOnly() {
        RunningContract.assertActuatorOnlyOnTheManagementPort(port, managementPort, "analysis-service");
        RunningContract.assertProbesAnswerOnTheServicePort(port);
        RunningContract.assertAnonymousHealthShowsNoDetails(managementPort);
        RunningContract.assertInfoNamesTheBuildAndItsCommit(managementPort);
    }
}
