package com.salesai.dashboard;

import com.salesai.testsupport.dev.DevRunCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TestDashboardApplicationTest {

    @Test
    void runsTheRealMainUpOnTheDevInfrastructureAndAcceptsThePrintedTokens(CapturedOutput console) {
        try (ConfigurableApplicationContext app = TestDashboardApplication.run(DevRunCheck.randomPorts())) {
            DevRunCheck.assertUpOnDevInfrastructure(app, console);
            DevRunCheck.assertDevTokensPrinted(app, console);
            var calls = DevRunCheck.getAsRep(app, "/api/calls");
            assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
            var summary = DevRunCheck.getAsHeadOfSales(app, "/api/dashboard/summary");
            assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        }
    }
}
