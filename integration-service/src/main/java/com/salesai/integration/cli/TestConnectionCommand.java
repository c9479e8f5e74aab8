package com.salesai.integration.cli;

import ch.qos.logback.classic.Level;
import com.salesai.integration.connection.ConnectionTester;
import com.salesai.integration.connection.ConnectionVerdict;
import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.FathomProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.web.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code FATHOM_API_KEY=... java -jar integration-service.jar test-connection}: the settings page's connection
 * test from a shell, without starting Spring (no Kafka, Mongo or keyring needed). Prints the key's length, never
 * the key. Exit code 0 when the key works, 1 otherwise.
 */
public final class TestConnectionCommand {
    public static final String NAME = "test-connection";

    private TestConnectionCommand() {
    }

    public static int run(Map<String, String> env, PrintStream out) {
        quietLogs();
        String apiKey = env.getOrDefault("FATHOM_API_KEY", "").strip();
        FathomProperties properties = FathomProperties.withBaseUrl(env.get("FATHOM_API_BASE_URL"));
        out.println("Fathom API connection test");
        out.println("  Base URL:       " + properties.baseUrl());
        out.println("  API version:    " + properties.apiVersion());
        if (apiKey.isEmpty()) {
            out.println("  Result:         FAILED - FATHOM_API_KEY is not set");
            return 1;
        }
        out.println("  API key length: " + apiKey.length() + " characters");
        try {
            ConnectionVerdict verdict = new ConnectionTester(new FathomClient(properties, RestClient.builder(), new SimpleMeterRegistry()))
                    .test(apiKey);
            out.println("  Result:         " + (verdict.success() ? "SUCCESS - " : "FAILED - ") + verdict.message());
            if (verdict.meetingsFound() != null) {
                out.println("  Meetings found: " + verdict.meetingsFound());
            }
            if (verdict.retryAfterSeconds() != null) {
                out.println("  Retry after:    " + verdict.retryAfterSeconds() + " s");
            }
            return verdict.success() ? 0 : 1;
        } catch (FathomApiException e) {
            out.println("  Result:         FAILED - Fathom is unreachable or failing: " + e.getMessage());
            return 1;
        }
    }

    /** Without Spring, logback would print the HTTP client's debug lines into the report. */
    private static void quietLogs() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
