package com.salesai.platform.security;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The identity provider's discovery document or key set could not be fetched: the token was not judged, so the
 * caller is told to retry (503), not that it is invalid (401).
 */
final class IdentityProviderUnavailableException extends JwtException {

    IdentityProviderUnavailableException(Throwable cause) {
        super("The identity provider is unreachable: " + cause.getMessage(), cause);
    }
}
