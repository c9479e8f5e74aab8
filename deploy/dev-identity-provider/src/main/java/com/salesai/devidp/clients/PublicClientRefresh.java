package com.salesai.devidp.clients;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens for the pages' public client, rotated on every use, and its revocation: what the OAuth
 * browser-based-apps BCP asks of a provider that gives a browser refresh tokens.
 */
public final class PublicClientRefresh {
    private PublicClientRefresh() {
    }

    /** Authenticates a public client's refresh and revocation requests by its id; see {@link PublicClientRequests}. */
    public static void enable(OAuth2ClientAuthenticationConfigurer clientAuthentication,
                              RegisteredClientRepository clients, AuthorizationServerSettings settings) {
        clientAuthentication
                .authenticationConverter(new PublicClientRequests(settings.getTokenEndpoint(),
                        settings.getTokenRevocationEndpoint()))
                .authenticationProvider(new PublicClientAuthentication(clients));
    }

    /** Issues refresh tokens to public clients on the code exchange as well. */
    public static OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens() {
        return new RefreshTokens();
    }
}
