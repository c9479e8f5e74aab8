package com.salesai.devidp;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.salesai.devidp.clients.PublicClientRefresh;
import com.salesai.devidp.users.SeededUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Spring Authorization Server with OIDC (discovery, ID tokens, userinfo, RP-initiated logout), revocation, and form
 * login for the seeded users; CORS for the pages' origins on the endpoints the browser calls itself.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
                                                 AuthorizationServerSettings settings) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        // "none": the pages authenticate as a public client (PKCE on the code, the refresh token after)
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                                .providerConfigurationCustomizer(metadata -> metadata
                                        .tokenEndpointAuthenticationMethod("none")
                                        .tokenRevocationEndpointAuthenticationMethod("none"))))
                        .clientAuthentication(c -> PublicClientRefresh.enable(c, clients, settings)))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browserPages()));
        return http.build();
    }

    @Bean
    SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, SeededUsers users,
                                           DevIdpProperties properties) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(new TokenClaims(users, properties));
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(),
                PublicClientRefresh.refreshTokens());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SeededUsers seededUsers(DevIdpProperties properties, PasswordEncoder encoder) {
        return new SeededUsers(properties.users(), properties.password(), encoder);
    }

    /** The pages' origins, from the client's redirect URIs, on discovery, JWKS, token, revocation and userinfo. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(DevIdpProperties properties, AuthorizationServerSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(Stream.concat(properties.web().redirectUris().stream(),
                properties.web().postLogoutRedirectUris().stream()).map(AuthorizationServerConfiguration::origin)
                .distinct().toList());
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/.well-known/**", settings.getJwkSetEndpoint(), settings.getTokenEndpoint(),
                settings.getTokenRevocationEndpoint(), settings.getOidcUserInfoEndpoint())) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static MediaTypeRequestMatcher browserPages() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
