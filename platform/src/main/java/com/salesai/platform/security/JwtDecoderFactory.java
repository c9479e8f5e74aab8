package com.salesai.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the JWT decoder from {@link AuthProperties}; a missing or weak configuration fails start-up. */
public final class JwtDecoderFactory {

    private JwtDecoderFactory() {
    }

    /** Org ids are keys of every tenant-scoped document and bucket: nothing in them may read as a separator. */
    static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static JwtDecoder create(AuthProperties auth) {
        boolean issued = hasText(auth.jwkSetUri()) || hasText(auth.issuerUri());
        if (issued && !hasText(auth.audience())) {
            // an identity provider issues tokens for many clients: only ours may reach the APIs
            throw new IllegalStateException("APP_AUTH_AUDIENCE must be set with APP_AUTH_ISSUER_URI or APP_AUTH_JWK_SET_URI");
        }
        NimbusJwtDecoder decoder;
        if (hasText(auth.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
        } else if (hasText(auth.issuerUri())) {
            decoder = NimbusJwtDecoder.withIssuerLocation(auth.issuerUri()).build();
        } else if (hasText(auth.devSecret())) {
            if (auth.devSecret().length() < AuthProperties.MIN_DEV_SECRET_LENGTH) {
                throw new IllegalStateException("APP_AUTH_DEV_SECRET must be at least "
                        + AuthProperties.MIN_DEV_SECRET_LENGTH + " characters");
            }
            SecretKeySpec key = new SecretKeySpec(auth.devSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new IllegalStateException("No JWT verification configured: set APP_AUTH_ISSUER_URI, "
                    + "APP_AUTH_JWK_SET_URI or APP_AUTH_DEV_SECRET");
        }
        decoder.setJwtValidator(validator(auth));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(AuthProperties auth) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(hasText(auth.issuerUri()) ? JwtValidators.createDefaultWithIssuer(auth.issuerUri())
                : JwtValidators.createDefault());
        validators.add(requiredClaim("sub"));
        validators.add(requiredClaim("org_id"));
        validators.add(orgIdPattern());
        if (hasText(auth.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(auth.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidator<Jwt> requiredClaim(String claim) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token has no '" + claim + "' claim", null);
        return jwt -> hasText(jwt.getClaimAsString(claim)) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }

    private static OAuth2TokenValidator<Jwt> orgIdPattern() {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token's 'org_id' is not a valid organization id", null);
        return jwt -> {
            String orgId = jwt.getClaimAsString("org_id");
            return orgId == null || ORG_ID.matcher(orgId).matches() ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(error);
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
