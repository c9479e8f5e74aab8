package com.salesai.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document of every service that brings springdoc along: its info from {@code app.openapi}, and every
 * operation needing the bearer JWT (an operation that does not says so with an empty {@code @SecurityRequirements}).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
@EnableConfigurationProperties(OpenApiProperties.class)
public class PlatformOpenApiAutoConfiguration {

    /** The security scheme's name in {@code components.securitySchemes}. */
    public static final String BEARER_JWT = "bearerJwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(OpenApiProperties properties, Environment environment) {
        String title = properties.title() != null ? properties.title()
                : environment.getProperty("spring.application.name", "api");
        return new OpenAPI()
                .info(new Info().title(title).version(properties.version()).description(properties.description()))
                .components(new Components().addSecuritySchemes(BEARER_JWT, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_JWT));
    }
}
