package com.salesai.analysis;

import com.salesai.testsupport.dev.DevInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs analysis-service from the IDE with nothing installed: its real main on an embedded Kafka broker and the
 * in-memory MongoDB stand-in ({@link DevInfrastructure} prints where it runs). Metrics-only unless OPENAI_API_KEY
 * is set, as always: the service itself logs which mode it runs in.
 */
public class TestAnalysisApplication {

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.from(AnalysisApplication::main).with(DevInfrastructure.class)
                .withAdditionalProfiles(DevInfrastructure.PROFILE).run(args).getApplicationContext();
    }
}
