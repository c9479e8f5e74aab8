package com.salesai.platform.observability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFormatTest {

    @Test
    void jsonMeansEcsWithoutTheBanner() {
        StandardEnvironment environment = environment(Map.of("LOG_FORMAT", "JSON"));

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
    }

    @Test
    void textOrNothingKeepsBootsLines() {
        assertThat(environment(Map.of("LOG_FORMAT", "text")).getProperty("logging.structured.format.console")).isNull();
        assertThat(environment(Map.of()).getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anExplicitStructuredFormatWins() {
        assertThat(environment(Map.of("LOG_FORMAT", "json", "logging.structured.format.console", "logstash"))
                .getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatFailsStartUp() {
        assertThatThrownBy(() -> environment(Map.of("LOG_FORMAT", "yaml")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LOG_FORMAT");
    }

    /** One line as a service writes it in a container. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLineLoggedInACallContextIsOneEcsObjectWithTheCallFields(CapturedOutput output) {
        var application = new SpringApplication(Object.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (var context = application.run("--LOG_FORMAT=json", "--spring.application.name=log-format-test");
             var call = CallLogContext.of("call-1", "org-1", "user-1")) {
            LoggerFactory.getLogger(LogFormatTest.class).info("call analyzed");
        }

        String line = output.getOut().lines().filter(l -> l.contains("call analyzed")).findFirst().orElseThrow();
        System.out.println("an ECS line: " + line);
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("@timestamp").asString()).isNotBlank();
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("message").asString()).isEqualTo("call analyzed");
        assertThat(json.path("service").path("name").asString()).isEqualTo("log-format-test");
        assertThat(json.path("callId").asString()).isEqualTo("call-1");
        assertThat(json.path("orgId").asString()).isEqualTo("org-1");
        assertThat(json.path("userId").asString()).isEqualTo("user-1");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", settings));
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
