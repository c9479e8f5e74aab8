package com.salesai.devidp.clients;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Accepts a {@link PublicClientRequests.PublicClientToken} of a registered public client that may use refresh
 * tokens. The refresh token itself is the proof: Spring Authorization Server then checks it was issued to this
 * client, and with {@code reuseRefreshTokens=false} a used one is refused, so a stolen token works once at most
 * and its use ends the legitimate client's session (the browser-based-apps BCP's rotation).
 */
final class PublicClientAuthentication implements AuthenticationProvider {
    private final RegisteredClientRepository clients;

    PublicClientAuthentication(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientId = authentication.getPrincipal().toString();
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PublicClientRequests.PublicClientToken.class.isAssignableFrom(authentication);
    }
}
