package com.salesai.devidp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The provider's users, clients and key file ({@code dev-idp.*}). The issuer is Boot's
 * {@code spring.security.oauth2.authorizationserver.issuer}.
 *
 * @param password  every seeded user's password ({@code APP_DEV_PASSWORD}, default {@code dev-password})
 * @param audience  the {@code aud} of every access token: the APIs' {@code APP_AUTH_AUDIENCE}
 * @param keyFile   the JWK set the tokens are signed with, created on first start, kept across restarts
 */
@ConfigurationProperties("dev-idp")
public record DevIdpProperties(String password, String audience, Path keyFile, List<User> users, Web web, Cli cli) {

    /** A person who signs in as {@code username}; {@code sub} is who they are to the APIs (dev tokens' {@code sub}). */
    public record User(String username, String sub, String name, String email, String orgId, String orgRole) {
    }

    /**
     * The pages' public client (authorization code + PKCE, no secret, refresh tokens rotated). The browser calls the
     * token, revocation, discovery and JWKS endpoints from the origins of {@code redirectUris}.
     */
    public record Web(String clientId, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
                      Duration accessTokenTimeToLive, Duration refreshTokenTimeToLive) {
    }

    /** The confidential client of scripts and tests (client credentials); its tokens act in one organization. */
    public record Cli(String clientId, String secret, String name, String orgId, String orgRole,
                      Duration accessTokenTimeToLive) {
    }
}
