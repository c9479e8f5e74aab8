package com.salesai.platform.security;

import com.salesai.testsupport.IssuerStub;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The identity provider's key set cannot be fetched (nothing listens at its port): a caller with a token is told to
 * come back (503), not that the token is bad (401), and never sees a 500. A bad token is still a 401.
 */
@SpringJUnitWebConfig(IssuerOutageTest.Api.class)
class IssuerOutageTest {
    /** Never started: its port is closed, but it still signs tokens as the provider would. */
    private static final IssuerStub DOWN = IssuerStub.onFreePort();

    @Autowired
    WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    @AfterAll
    static void stop() {
        DOWN.close();
    }

    @Test
    void aTokenWhileTheProvidersKeysAreUnreachableIs503ProblemJsonWithRetryAfter() throws Exception {
        mvc.perform(get("/api/hello").header("Authorization", "Bearer " + DOWN.token("rep-alice", "org-acme", "member")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:problem:identity-provider-unavailable"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void aMalformedOrMissingTokenIsStill401ProblemJson() throws Exception {
        mvc.perform(get("/api/hello").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/hello"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    static class Api {
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return ApiSecurity.statelessJwtApi(http, auth -> { });
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return JwtDecoderFactory.create(new AuthProperties(null, DOWN.issuerUri() + "/jwks", null,
                    IssuerStub.AUDIENCE));
        }

        @Bean
        CorsConfigurationSource cors() {
            return new CorsProperties(List.of()).apiPolicy(List.of("GET"), List.of("Authorization"));
        }

        @Bean
        Hello hello() {
            return new Hello();
        }
    }

    @RestController
    static class Hello {
        @GetMapping("/api/hello")
        String hello() {
            return "hello";
        }
    }
}
