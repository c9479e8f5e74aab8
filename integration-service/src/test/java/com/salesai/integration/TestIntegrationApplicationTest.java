package com.salesai.integration;

import com.salesai.testsupport.dev.DevRunCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TestIntegrationApplicationTest {

    @Test
    void runsTheRealMainUpOnTheDevInfrastructureAndAcceptsThePrintedTokens(CapturedOutput console) {
        try (ConfigurableApplicationContext app = TestIntegrationApplication.run(DevRunCheck.randomPorts())) {
            DevRunCheck.assertUpOnDevInfrastructure(app, console);
            DevRunCheck.assertDevTokensPrinted(app, console);
            // signed in, the rep simply has no integration yet
            var integration = DevRunCheck.getAsRep(app, "/api/integrations/fathom");
            assertThat(integration.statusCode()).as(integration.body()).isEqualTo(404);
        }
    }
}
