package com.salesai.platform.defaults;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsTest {
    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void addsTheSharedDefaultsBelowEverythingElse() {
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.kafka.listener.observation-enabled", "false")));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("false");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
                .getName()).isEqualTo(PlatformDefaults.SOURCE_NAME);
    }

    /** What every service's application.yml repeated: the MongoDB address and the graceful shutdown. */
    @Test
    void everyServiceStoresAtMongodbUriAndShutsDownGracefullyUnlessItSaysOtherwise() {
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "MONGODB_URI", "mongodb://mongo:27017/?authSource=admin")));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://mongo:27017/?authSource=admin");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");

        var service = new StandardEnvironment();
        service.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
                "server.shutdown", "immediate")));
        new PlatformDefaults().postProcessEnvironment(service, new SpringApplication());
        assertThat(service.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(service.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://localhost:27017");
    }

    @Test
    void exportsSpansOnlyWhenAnOtlpEndpointIsGiven() {
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty(PlatformDefaults.OTLP_TRACING_ENDPOINT)).isFalse();

        var configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(new MapPropertySource("env",
                Map.of("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://collector:4318/v1/traces")));
        new PlatformDefaults().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty(PlatformDefaults.OTLP_TRACING_ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void kafkaSecurityVariablesBecomeBootsKeysWithTheDefaults() {
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "ingest", "KAFKA_SASL_PASSWORD", "pw")));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties[sasl.mechanism]")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties[sasl.jaas.config]"))
                .contains("username=\"ingest\"");
    }

    @Test
    void isRegisteredForEveryApplication() {
        var application = new SpringApplication(Object.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        var context = application.run("--spring.main.banner-mode=off");
        try {
            assertThat(context.getEnvironment().getPropertySources().contains(PlatformDefaults.SOURCE_NAME)).isTrue();
        } finally {
            context.close();
        }
    }
}
