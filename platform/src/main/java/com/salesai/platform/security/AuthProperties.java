package com.salesai.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer JWTs are verified. The identity provider's tokens: {@code APP_AUTH_ISSUER_URI} (OIDC discovery, resolved
 * at the first token, so a service starts while the provider is still coming up) or {@code APP_AUTH_JWK_SET_URI},
 * each with {@code audience} required in the token's {@code aud}. Dev tokens, where {@code APP_AUTH_DEV_SECRET} is set:
 * HS256 keyed with its UTF-8 bytes (at least 32 characters), beside the provider's; their {@code aud}, when they carry
 * one, must name the audience too. Either kind, or both.
 */
@ConfigurationProperties("app.auth")
public record AuthProperties(String issuerUri, String jwkSetUri, String devSecret, String audience) {

    static final int MIN_DEV_SECRET_LENGTH = 32;
}
