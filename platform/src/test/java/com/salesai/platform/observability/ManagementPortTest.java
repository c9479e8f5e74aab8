package com.salesai.platform.observability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementPortTest {

    @Test
    void isTheServicePortPlus1000() {
        assertThat(managementPort(Map.of("server.port", "8081"))).isEqualTo("9081");
        assertThat(managementPort(Map.of())).as("Boot's default 8080").isEqualTo("9080");
    }

    @Test
    void aRandomServicePortGetsARandomManagementPort() {
        assertThat(managementPort(Map.of("server.port", "0"))).isEqualTo("0");
    }

    @Test
    void managementServerPortWinsWhenSet() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("SERVER_PORT", "8081", "MANAGEMENT_SERVER_PORT", "7000")));

        new ManagementPort().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.port")).isEqualTo("7000");
        assertThat(environment.getPropertySources().contains(ManagementPort.SOURCE_NAME)).isFalse();
    }

    @Test
    void isRegisteredForEveryApplication() {
        var application = new SpringApplication(Object.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        try (var context = application.run("--spring.main.banner-mode=off", "--server.port=8083")) {
            assertThat(context.getEnvironment().getProperty("management.server.port")).isEqualTo("9083");
        }
    }

    private static String managementPort(Map<String, Object> service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", service));
        new ManagementPort().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("management.server.port");
    }
}
