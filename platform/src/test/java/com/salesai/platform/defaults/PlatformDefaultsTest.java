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
