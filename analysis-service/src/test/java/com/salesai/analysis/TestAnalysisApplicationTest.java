package com.salesai.analysis;

import com.salesai.testsupport.dev.DevRunCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TestAnalysisApplicationTest {

    @Test
    void runsTheRealMainUpOnTheDevInfrastructureInMetricsOnlyMode(CapturedOutput console) {
        try (ConfigurableApplicationContext app = TestAnalysisApplication.run(DevRunCheck.randomPorts())) {
            DevRunCheck.assertUpOnDevInfrastructure(app, console);
            assertThat(console.getOut()).contains("Analysis mode: metrics-only");
        }
    }
}
