package com.salesai.ingest;

import com.salesai.testsupport.dev.DevInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs webhook-ingest-service from the IDE with nothing installed: its real main on an embedded Kafka broker and
 * the in-memory MongoDB stand-in, with a generated keyring ({@link DevInfrastructure} prints where it runs).
 */
public class TestIngestApplication {

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.from(IngestApplication::main).with(DevInfrastructure.class)
                .withAdditionalProfiles(DevInfrastructure.PROFILE).run(args).getApplicationContext();
    }
}
