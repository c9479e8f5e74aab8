package com.salesai.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer JWTs are verified: production uses {@code APP_AUTH_ISSUER_URI} or {@code APP_AUTH_JWK_SET_URI};
 * local/dev uses HS256 keyed with the UTF-8 bytes of {@code APP_AUTH_DEV_SECRET} (at least 32 characters).
 * {@code audience}, when set, must be in the token's {@code aud}.
 */
@ConfigurationProperties("app.auth")
public record AuthProperties(String issuerUri, String jwkSetUri, String devSecret, String audience) {

    static final int MIN_DEV_SECRET_LENGTH = 32;
}
