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
 * {@code application.properties} would be shadowed by the service's, hence a property source of its own.
 */
class PlatformDefaults implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "platformDefaults";
    static final String LOCATION = "com/salesai/platform/defaults/platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE_NAME,
                    new ClassPathResource(LOCATION, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("platform defaults missing from the classpath: " + LOCATION, e);
        }
    }
}
