package com.salesai.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain every user-facing service shares: stateless bearer JWTs on everything, except the probes
 * ({@code /livez} and {@code /readyz} on the service port), actuator (on the management port: probes, scrapers, and
 * operator operations under their own token), CORS preflights of {@code /api/**}, and whatever the service itself
 * declares public. Refused tokens are 401 and an unreachable identity provider 503, both problem+json
 * ({@link BearerProblems}).
 */
public final class ApiSecurity {
    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();
    private static final BearerProblems PROBLEMS = new BearerProblems();

    private ApiSecurity() {
    }

    /** The OpenAPI document's paths, public wherever a service serves one: it describes the contract, not data. */
    public static String[] openApiDocs() {
        return new String[] {"/v3/api-docs", "/v3/api-docs/**"};
    }

    /** A tenant's JWT, never looked for under actuator: a bearer token there is the operator's, not a JWT. */
    private static String tenantToken(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator") || path.startsWith("/actuator/") ? null : BEARER.resolve(request);
    }

    public static SecurityFilterChain statelessJwtApi(HttpSecurity http, Customizer<
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> publicPaths)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // actuator (on the management port): reads for probes and scrapers, writes are platform
                    // operations and take the operator token (OperatorTokenFilter), never a tenant's JWT
                    auth.requestMatchers("/livez", "/readyz", "/actuator", "/actuator/**").permitAll()
                            .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
                    publicPaths.customize(auth);
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(ApiSecurity::tenantToken)
                        .authenticationEntryPoint(PROBLEMS)
                        // the filter's default handler rethrows a provider outage, which a client sees as a 500
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(PROBLEMS);
                                return filter;
                            }
                        })
                        .jwt(Customizer.withDefaults()))
                .build();
    }
}
