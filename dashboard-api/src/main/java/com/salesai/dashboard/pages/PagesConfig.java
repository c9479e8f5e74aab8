package com.salesai.dashboard.pages;

import com.salesai.platform.security.AuthProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages' settings from the environment: {@code app.web} for theirs, {@code app.auth} for the issuer and dev tokens. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebPagesProperties.class)
class PagesConfig {

    @Bean
    PagesSettings pagesSettings(WebPagesProperties web, AuthProperties auth) {
        boolean devTokens = auth.devSecret() != null && !auth.devSecret().isBlank();
        return new PagesSettings(auth.issuerUri(), web.clientId(), web.integrationApiUrl(), web.analysisApiUrl(),
                devTokens);
    }
}
