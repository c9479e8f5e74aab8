package com.salesai.platform.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code LOG_FORMAT}: {@code json} writes the console log as Elastic Common Schema JSON, one object per line (Boot's
 * structured logging; containers set it), without the banner, which is not JSON; {@code text} or unset keeps Boot's
 * human-readable lines ({@code ./run-local}). Added with the lowest precedence, so an explicit
 * {@code logging.structured.format.console} still wins. Runs before Boot initializes logging.
 */
class LogFormat implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "platformLogFormat";
    static final String VARIABLE = "LOG_FORMAT";
    static final Map<String, Object> JSON = Map.of(
            "logging.structured.format.console", "ecs",
            "spring.main.banner-mode", "off");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> {
                if (!environment.getPropertySources().contains(SOURCE_NAME)) {
                    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, JSON));
                }
            }
            case "text", "" -> { }
            default -> throw new IllegalStateException(VARIABLE + " must be json or text, not '" + format + "'");
        }
    }
}
