package com.salesai.devidp.clients;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.util.Map;

/**
 * Reads a public client's refresh or revocation request: {@code client_id} and no credentials. Spring Authorization
 * Server only knows public clients on the code exchange (their PKCE verifier), so without this the pages could
 * neither renew their token with the refresh token it issued them nor revoke it when signing out. What the client
 * may do is decided by {@link PublicClientAuthentication}.
 */
final class PublicClientRequests implements AuthenticationConverter {
    private final String tokenPath;
    private final String revocationPath;

    PublicClientRequests(String tokenPath, String revocationPath) {
        this.tokenPath = tokenPath;
        this.revocationPath = revocationPath;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean refresh = path.equals(tokenPath) && AuthorizationGrantType.REFRESH_TOKEN.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        if (!"POST".equals(request.getMethod()) || !refresh && !path.equals(revocationPath) || hasCredentials(request)) {
            return null;
        }
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null) {
            return null;
        }
        if (clientIds.length != 1 || clientIds[0].isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new PublicClientToken(clientIds[0]);
    }

    private static boolean hasCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null;
    }

    /** A public client's claim to be {@code clientId}, before {@link PublicClientAuthentication} checks it. */
    static final class PublicClientToken extends OAuth2ClientAuthenticationToken {
        private static final long serialVersionUID = 1L;

        PublicClientToken(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }
}
