package com.salesai.integration;

import com.salesai.testsupport.dev.DevInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs integration-service from the IDE with nothing installed: its real main on an embedded Kafka broker and the
 * in-memory MongoDB stand-in, with a generated keyring and dev JWT secret ({@link DevInfrastructure} prints where
 * it runs and tokens for a rep and a head of sales). Fathom is the real one unless FATHOM_API_BASE_URL says otherwise.
 */
public class TestIntegrationApplication {

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.from(IntegrationApplication::main).with(DevInfrastructure.class)
                .withAdditionalProfiles(DevInfrastructure.PROFILE).run(args).getApplicationContext();
    }
}
