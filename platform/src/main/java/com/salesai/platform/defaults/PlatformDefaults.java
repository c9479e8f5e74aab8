package com.salesai.platform.defaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The settings every service shares ({@code platform-defaults.properties}: Boot's own {@code spring.*} and
 * {@code management.*} keys), added with the lowest precedence so a service's {@code application.yml}, its
 * environment variables and its command line still override each of them. A library's own
 * {@code application.properties} would be shadowed by the service's, hence a property source of its own. How the
 * Kafka clients authenticate ({@link KafkaSecurity}) is added here too, from the design's variables.
 */
class PlatformDefaults implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "platformDefaults";
    static final String LOCATION = "com/salesai/platform/defaults/platform-defaults.properties";
    /** The design's name for the OTLP trace endpoint, Boot 3's key; Boot 4 reads {@link #OTLP_TRACING_ENDPOINT}. */
    static final String OTLP_TRACING_ENDPOINT_VARIABLE = "MANAGEMENT_OTLP_TRACING_ENDPOINT";
    static final String OTLP_TRACING_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        ResourcePropertySource defaults;
        try {
            defaults = new ResourcePropertySource(SOURCE_NAME,
                    new ClassPathResource(LOCATION, PlatformDefaults.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException("platform defaults missing from the classpath: " + LOCATION, e);
        }
        // Boot creates the exporter as soon as its key exists, even empty: so the key only when an endpoint is given
        String otlpEndpoint = environment.getProperty(OTLP_TRACING_ENDPOINT_VARIABLE);
        if (otlpEndpoint != null && !otlpEndpoint.isBlank()) {
            defaults.getSource().put(OTLP_TRACING_ENDPOINT, otlpEndpoint);
        }
        defaults.getSource().putAll(KafkaSecurity.keysFrom(environment));
        environment.getPropertySources().addLast(defaults);
    }
}
