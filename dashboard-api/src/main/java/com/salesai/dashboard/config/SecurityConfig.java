package com.salesai.dashboard.config;

import com.salesai.dashboard.pages.PagesSettings;
import com.salesai.platform.security.ApiSecurity;
import com.salesai.platform.security.CorsProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

/**
 * Every API needs a bearer JWT; health and metrics stay open for probes and scrapers, the OpenAPI document,
 * Swagger UI, the static web pages and their settings ({@code /config.json}) are public (they describe or render
 * the contract, not data: the pages sign in and send the token with every API call). ASYNC dispatches (the SSE
 * stream) were already authorized on the original request. Public: the pages' slice test imports it for their policy.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The pages' documents carry the policy; Swagger UI keeps its own inline styles. */
    private static final RequestMatcher PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/index.html"));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PagesSettings pages) throws Exception {
        http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PAGES,
                new ContentSecurityPolicyHeaderWriter(pages.contentSecurityPolicy()))));
        return ApiSecurity.statelessJwtApi(http, auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(ApiSecurity.openApiDocs()).permitAll()
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/config.json", "/css/**", "/js/**",
                        "/favicon.ico", "/error").permitAll());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        return cors.apiPolicy(List.of("GET", "PUT", "DELETE", "OPTIONS"),
                List.of("Authorization", "Content-Type", "Last-Event-ID", "Cache-Control"));
    }
}
