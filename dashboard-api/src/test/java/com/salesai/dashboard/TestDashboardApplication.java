package com.salesai.dashboard;

import com.salesai.testsupport.dev.DevInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs dashboard-api from the IDE with nothing installed: its real main on an embedded Kafka broker and the
 * in-memory MongoDB stand-in, with a generated dev JWT secret ({@link DevInfrastructure} prints where it runs and
 * tokens for a rep and a head of sales; the pages are at its URL).
 */
public class TestDashboardApplication {

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.from(DashboardApplication::main).with(DevInfrastructure.class)
                .withAdditionalProfiles(DevInfrastructure.PROFILE).run(args).getApplicationContext();
    }
}
