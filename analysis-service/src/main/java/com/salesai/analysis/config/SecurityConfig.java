package com.salesai.analysis.config;

import com.salesai.platform.security.ApiSecurity;
import com.salesai.platform.security.CorsProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

/**
 * The settings API needs a bearer JWT, as every user-facing API; probes and actuator stay open. CORS lets the pages,
 * served by dashboard-api on another origin (configured), call it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // an unknown path's error dispatch renders its 404, not a 401
        return ApiSecurity.statelessJwtApi(http, auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        return cors.apiPolicy(List.of("GET", "PUT", "OPTIONS"), List.of("Authorization", "Content-Type"));
    }
}
