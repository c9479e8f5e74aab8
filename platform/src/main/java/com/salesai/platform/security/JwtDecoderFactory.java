package com.salesai.platform.security;

import com.nimbusds.jose.KeySourceException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the JWT decoder from {@link AuthProperties}: the identity provider's tokens, the dev tokens, or both, told
 * apart by their {@code alg} header ({@link AlgorithmRoutingJwtDecoder}). A missing or weak configuration fails
 * start-up; an unreachable provider does not.
 */
public final class JwtDecoderFactory {

    private JwtDecoderFactory() {
    }

    /** Org ids are keys of every tenant-scoped document and bucket: nothing in them may read as a separator. */
    static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(5);

    public static JwtDecoder create(AuthProperties auth) {
        boolean issued = hasText(auth.jwkSetUri()) || hasText(auth.issuerUri());
        if (issued && !hasText(auth.audience())) {
            // an identity provider issues tokens for many clients: only ours may reach the APIs
            throw new IllegalStateException("APP_AUTH_AUDIENCE must be set with APP_AUTH_ISSUER_URI or APP_AUTH_JWK_SET_URI");
        }
        if (hasText(auth.devSecret()) && auth.devSecret().length() < AuthProperties.MIN_DEV_SECRET_LENGTH) {
            throw new IllegalStateException("APP_AUTH_DEV_SECRET must be at least "
                    + AuthProperties.MIN_DEV_SECRET_LENGTH + " characters");
        }
        if (!issued && !hasText(auth.devSecret())) {
            throw new IllegalStateException("No JWT verification configured: set APP_AUTH_ISSUER_URI, "
                    + "APP_AUTH_JWK_SET_URI or APP_AUTH_DEV_SECRET");
        }
        return new AlgorithmRoutingJwtDecoder(issued ? outageAware(issuerDecoder(auth)) : null,
                hasText(auth.devSecret()) ? devDecoder(auth) : null);
    }

    private static JwtDecoder issuerDecoder(AuthProperties auth) {
        OAuth2TokenValidator<Jwt> validator = validator(auth.issuerUri(), requiredAudience(auth.audience()));
        if (hasText(auth.jwkSetUri())) {
            // the key set is fetched at the first token, and again for a key id it does not know
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri()).restOperations(providerClient())
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // discovery at the first token, retried at the next one if the provider did not answer: in a cluster the
        // provider may come up after the services
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(auth.issuerUri())
                    .restOperations(providerClient()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    /**
     * A provider that did not answer (discovery, or the key set) is told apart from a bad token: the caller may retry.
     * A key set that answers with something unreadable stays a bad token, as Spring decides.
     */
    private static JwtDecoder outageAware(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new IdentityProviderUnavailableException(e);
            } catch (BadJwtException e) {
                throw e;
            } catch (JwtException e) {
                if (e.getCause() instanceof KeySourceException) {
                    throw new IdentityProviderUnavailableException(e.getCause());
                }
                throw e;
            }
        };
    }

    /**
     * Nimbus's default timeouts (500 ms) fail the first token whenever the provider or this JVM is busy for half a
     * second; a request waits at most this long for discovery or the key set, which are then cached.
     */
    private static RestTemplate providerClient() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(PROVIDER_TIMEOUT);
        requests.setReadTimeout(PROVIDER_TIMEOUT);
        return new RestTemplate(requests);
    }

    private static JwtDecoder devDecoder(AuthProperties auth) {
        SecretKeySpec key = new SecretKeySpec(auth.devSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // no issuer: dev tokens name none
        decoder.setJwtValidator(validator(null, hasText(auth.audience()) ? audienceIfPresent(auth.audience()) : null));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, OAuth2TokenValidator<Jwt> audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(hasText(issuer) ? JwtValidators.createDefaultWithIssuer(issuer) : JwtValidators.createDefault());
        validators.add(requiredClaim("sub"));
        validators.add(requiredClaim("org_id"));
        validators.add(orgIdPattern());
        if (audience != null) {
            validators.add(audience);
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidator<Jwt> requiredAudience(String audience) {
        return new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience));
    }

    /** Dev tokens are minted by whoever holds the secret, without an audience; one naming another is refused. */
    private static OAuth2TokenValidator<Jwt> audienceIfPresent(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is meant for another audience", null);
        return jwt -> jwt.getAudience() == null || jwt.getAudience().isEmpty() || jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
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
