package com.salesai.platform.security;

import com.salesai.testsupport.Hs256;
import com.salesai.testsupport.IssuerStub;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity provider's RS256 tokens beside the HS256 dev tokens, each checked by its own rules. */
class IssuedAndDevTokensTest {
    private static final String SECRET = "test-secret-of-at-least-32-characters!";
    private static final IssuerStub ISSUER = IssuerStub.onFreePort().start();

    private final JwtDecoder both = JwtDecoderFactory.create(
            new AuthProperties(ISSUER.issuerUri(), null, SECRET, IssuerStub.AUDIENCE));

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @Test
    void theProvidersTokenAndADevTokenAreBothAcceptedAndReadAlike() {
        Jwt issued = both.decode(ISSUER.token("head-hugo", "org-acme", "head_of_sales"));
        Jwt dev = both.decode(Hs256.sign(SECRET, devClaims().build()));

        for (Jwt jwt : new Jwt[] {issued, dev}) {
            assertThat(jwt.getSubject()).isEqualTo("head-hugo");
            assertThat(jwt.getClaims()).containsAllEntriesOf(Map.of("org_id", "org-acme", "org_role", "head_of_sales",
                    "name", "User head-hugo", "email", "head-hugo@acme.test"));
        }
        assertThat(issued.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void theProvidersTokensForAnotherAudienceExpiredForgedOrFromElsewhereAreRejected() {
        for (String token : ISSUER.hostileTokens()) {
            assertThatThrownBy(() -> both.decode(token)).as(token).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void devTokensNamingAnotherAudienceAreRejected() {
        assertThatThrownBy(() -> both.decode(Hs256.sign(SECRET, devClaims().audience("another-api").build())))
                .isInstanceOf(JwtException.class);
        assertThat(both.decode(Hs256.sign(SECRET, devClaims().audience(IssuerStub.AUDIENCE).build())).getSubject())
                .isEqualTo("head-hugo");
    }

    @Test
    void withoutADevSecretAnHs256TokenIsRefusedOutright() {
        JwtDecoder issuerOnly = JwtDecoderFactory.create(
                new AuthProperties(ISSUER.issuerUri(), null, null, IssuerStub.AUDIENCE));

        assertThatThrownBy(() -> issuerOnly.decode(Hs256.sign(SECRET, devClaims().build())))
                .isInstanceOf(JwtException.class).hasMessageContaining("HS256");
        assertThat(issuerOnly.decode(ISSUER.token("rep-alice", "org-acme", "member")).getSubject())
                .isEqualTo("rep-alice");
    }

    @Test
    void withOnlyADevSecretTheProvidersTokensAreRefused() {
        JwtDecoder devOnly = JwtDecoderFactory.create(new AuthProperties(null, null, SECRET, null));

        assertThatThrownBy(() -> devOnly.decode(ISSUER.token("rep-alice", "org-acme", "member")))
                .isInstanceOf(JwtException.class).hasMessageContaining("RS256");
    }

    @Test
    void aJwkSetUriWorksLikeDiscovery() {
        JwtDecoder jwks = JwtDecoderFactory.create(
                new AuthProperties(null, ISSUER.issuerUri() + "/jwks", SECRET, IssuerStub.AUDIENCE));

        assertThat(jwks.decode(ISSUER.token("rep-alice", "org-acme", "member")).getSubject()).isEqualTo("rep-alice");
        assertThatThrownBy(() -> jwks.decode(ISSUER.sign(ISSUER.claims("rep-alice", "org-acme", "member")
                .audience("another-api").build()))).isInstanceOf(JwtException.class);
    }

    @Test
    void aServiceStartsWhileTheProviderIsUnreachableAndUsesItOnceItAnswers() {
        try (IssuerStub later = IssuerStub.onFreePort()) {
            JwtDecoder decoder = JwtDecoderFactory.create(
                    new AuthProperties(later.issuerUri(), null, SECRET, IssuerStub.AUDIENCE));
            String token = later.token("rep-alice", "org-acme", "member");

            assertThatThrownBy(() -> decoder.decode(token)).as("told apart from a bad token")
                    .isInstanceOf(IdentityProviderUnavailableException.class);
            assertThat(decoder.decode(Hs256.sign(SECRET, devClaims().build())).getSubject())
                    .as("dev tokens need no provider").isEqualTo("head-hugo");

            later.start();
            assertThat(decoder.decode(token).getSubject()).isEqualTo("rep-alice");
        }
    }

    private static JWTClaimsSet.Builder devClaims() {
        return new JWTClaimsSet.Builder().subject("head-hugo").claim("org_id", "org-acme")
                .claim("org_role", "head_of_sales").claim("name", "User head-hugo").claim("email", "head-hugo@acme.test")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
