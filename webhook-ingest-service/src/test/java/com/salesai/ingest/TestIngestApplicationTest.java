package com.salesai.ingest;

import com.salesai.testsupport.dev.DevRunCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TestIngestApplicationTest {

    /** UP includes the integration view having read fathom.integrations from the dev broker. */
    @Test
    void runsTheRealMainUpOnTheDevInfrastructure(CapturedOutput console) {
        try (ConfigurableApplicationContext app = TestIngestApplication.run(DevRunCheck.randomPorts())) {
            DevRunCheck.assertUpOnDevInfrastructure(app, console);
            assertThat(console.getOut()).as("ingest verifies no JWT").doesNotContain("REP_TOKEN");
        }
    }
}
