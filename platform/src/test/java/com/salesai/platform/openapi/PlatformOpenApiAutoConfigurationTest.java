package com.salesai.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformOpenApiAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformOpenApiAutoConfiguration.class));

    @Test
    void theDocumentIsNamedAfterTheServiceAndNeedsTheBearerJwtEverywhere() {
        runner.withPropertyValues("spring.application.name=some-service", "app.openapi.description=What it does")
                .run(context -> {
                    OpenAPI openApi = context.getBean(OpenAPI.class);
                    assertThat(openApi.getInfo().getTitle()).isEqualTo("some-service");
                    assertThat(openApi.getInfo().getVersion()).isEqualTo("v1");
                    assertThat(openApi.getInfo().getDescription()).isEqualTo("What it does");
                    SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get("bearerJwt");
                    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
                    assertThat(scheme.getScheme()).isEqualTo("bearer");
                    assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
                    assertThat(openApi.getSecurity()).singleElement()
                            .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("bearerJwt"));
                });
    }

    @Test
    void titleAndVersionComeFromProperties() {
        runner.withPropertyValues("spring.application.name=some-service", "app.openapi.title=Some API",
                "app.openapi.version=v2").run(context -> {
                    OpenAPI openApi = context.getBean(OpenAPI.class);
                    assertThat(openApi.getInfo().getTitle()).isEqualTo("Some API");
                    assertThat(openApi.getInfo().getVersion()).isEqualTo("v2");
                });
    }

    @Test
    void aServiceWithoutSpringdocGetsNoDocument() {
        runner.withClassLoader(new FilteredClassLoader("org.springdoc"))
                .run(context -> assertThat(context).doesNotHaveBean(OpenAPI.class));
    }

    @Test
    void aServiceOwnDocumentWins() {
        runner.withBean(OpenAPI.class, () -> new OpenAPI().info(new Info().title("own")))
                .run(context -> assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("own"));
    }
}
