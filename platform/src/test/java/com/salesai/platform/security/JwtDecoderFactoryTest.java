package com.salesai.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile tokens against the decoder the service builds from its {@link AuthProperties}, without Spring. */
class JwtDecoderFactoryTest {
    private static final String SECRET = "test-secret-of-at-least-32-characters!";
    private static final String AUDIENCE = "call-intelligence";

    private final JwtDecoder decoder = JwtDecoderFactory.create(new AuthProperties(null, null, SECRET, null));
    private final JwtDecoder withAudience = JwtDecoderFactory.create(new AuthProperties(null, null, SECRET, AUDIENCE));

    @Test
    void aWellFormedTokenIsAccepted() {
        assertThat(decoder.decode(signed(SECRET, c -> c)).getClaimAsString("org_id")).isEqualTo("org-1");
        assertThat(withAudience.decode(signed(SECRET, c -> c.audience(AUDIENCE))).getSubject()).isEqualTo("u1");
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String unsigned = new PlainJWT(claims().build()).serialize();
        assertRejected(decoder, unsigned);
        // the same claims under an HS256 header with the signature stripped
        String stripped = signed(SECRET, c -> c);
        assertRejected(decoder, stripped.substring(0, stripped.lastIndexOf('.') + 1));
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decoder, noneHeader + stripped.substring(stripped.indexOf('.'), stripped.lastIndexOf('.') + 1));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        assertRejected(decoder, signed("another-secret-of-at-least-32-characters", c -> c));
    }

    @Test
    void anExpiredTokenIsRejected() {
        // beyond the validator's 60 s clock-skew allowance
        assertRejected(decoder, signed(SECRET, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
    }

    @Test
    void aTokenWithoutOrgIdOrSubjectIsRejected() {
        assertRejected(decoder, signed(SECRET, c -> c.claim("org_id", null)));
        assertRejected(decoder, signed(SECRET, c -> c.claim("org_id", " ")));
        assertRejected(decoder, signed(SECRET, c -> c.subject(null)));
    }

    @Test
    void anOrgIdThatIsNotAPlainIdentifierIsRejected() {
        assertRejected(decoder, signed(SECRET, c -> c.claim("org_id", "acme|week")));
        assertRejected(decoder, signed(SECRET, c -> c.claim("org_id", "a".repeat(65))));
        assertRejected(decoder, signed(SECRET, c -> c.claim("org_id", "org acme")));
        assertThat(decoder.decode(signed(SECRET, c -> c.claim("org_id", "org_ACME-42"))).getClaimAsString("org_id"))
                .isEqualTo("org_ACME-42");
    }

    @Test
    void anIdentityProviderWithoutAnAudienceFailsStartUp() {
        assertThatThrownBy(() -> JwtDecoderFactory.create(new AuthProperties(null, "https://idp.example/jwks", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_AUTH_AUDIENCE");
        assertThatThrownBy(() -> JwtDecoderFactory.create(new AuthProperties("https://idp.example", null, null, " ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APP_AUTH_AUDIENCE");
    }

    @Test
    void aDevTokenForAnotherAudienceIsRejectedWhereAnAudienceIsConfigured() {
        assertRejected(withAudience, signed(SECRET, c -> c.audience("someone-else")));
        // dev tokens are minted without one (the local stack's, the tests'): only a wrong audience is refused
        assertThat(withAudience.decode(signed(SECRET, c -> c)).getSubject()).isEqualTo("u1");
    }

    @Test
    void aWeakOrMissingConfigurationFailsStartUp() {
        assertThatThrownBy(() -> JwtDecoderFactory.create(new AuthProperties(null, null, "short", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwtDecoderFactory.create(new AuthProperties(null, null, null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertRejected(JwtDecoder decoder, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("u1").claim("org_id", "org-1").claim("org_role", "member")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String signed(String secret, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims()).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
