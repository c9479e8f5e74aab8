package com.salesai.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAPI document's info: {@code app.openapi.title} (by default the service's {@code spring.application.name}),
 * {@code version} and {@code description}, what frontend teams' generated clients are named and documented after.
 */
@ConfigurationProperties("app.openapi")
public record OpenApiProperties(String title, @DefaultValue("v1") String version, String description) {
}
