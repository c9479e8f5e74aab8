package com.salesai.integration.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param publicBaseUrl     where Fathom reaches webhook-ingest-service ({@code PUBLIC_BASE_URL})
 * @param previousSecretGrace how long after a re-save ingest still accepts deliveries signed with the replaced
 *                          webhook secret ({@code INGEST_PREVIOUS_SECRET_GRACE}, default 24 h)
 */
@ConfigurationProperties("app.integration")
public record IntegrationProperties(String publicBaseUrl, Duration previousSecretGrace) {
    public IntegrationProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8081"
                : publicBaseUrl.strip().replaceAll("/+$", "");
        previousSecretGrace = previousSecretGrace == null ? Duration.ofHours(24) : previousSecretGrace;
    }
}
