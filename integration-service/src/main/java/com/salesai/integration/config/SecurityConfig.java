package com.salesai.integration.config;

import com.salesai.platform.security.ApiSecurity;
import com.salesai.platform.security.CorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

/**
 * Every API needs a bearer JWT; health and metrics stay open for probes and scrapers, and the OpenAPI document (it
 * describes the contract, not data). CORS preflights pass before authentication so browser frontends on other
 * origins (configured) can call the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ApiSecurity.statelessJwtApi(http, auth -> auth.requestMatchers(ApiSecurity.openApiDocs()).permitAll());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        return cors.apiPolicy(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
                List.of("Authorization", "Content-Type"));
    }
}
