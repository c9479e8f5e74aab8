package com.salesai.platform.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The design's one rule for the actuator's port, for every service: {@code MANAGEMENT_SERVER_PORT} (or any other
 * {@code management.server.port} setting) when given, else the service port + 1000 (9081 for the ingest's 8081).
 * A random service port (0, the tests') gets a random management port too. Added with the lowest precedence.
 */
class ManagementPort implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "platformManagementPort";
    static final String PROPERTY = "management.server.port";
    static final int OFFSET = 1000;
    /** Boot's default {@code server.port}. */
    private static final int DEFAULT_SERVER_PORT = 8080;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY) || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        int serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
        if (serverPort < 0) {
            return; // no web server at all
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                Map.of(PROPERTY, serverPort == 0 ? 0 : serverPort + OFFSET)));
    }
}
