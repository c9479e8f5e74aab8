package com.salesai.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Starts one in-memory server per test context (so cached contexts never see each other's data) and stops it
 * when the context closes.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "embedded-mongo";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InMemoryMongoServer server = InMemoryMongoServer.start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedMongo",
                Map.of("spring.mongodb.uri", server.uri())));
        context.getEnvironment().addActiveProfile(PROFILE);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                server.close();
            }
        });
    }
}
