package com.salesai.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An OpenID provider as the services see it: discovery and a JWKS served by WireMock, RS256 tokens signed with a
 * generated key. {@link #shared()} is one per test JVM, for the services' cached Spring contexts
 * ({@link Initializer}); {@link #onFreePort()} is one a test starts and stops itself.
 */
public final class IssuerStub implements AutoCloseable {
    public static final String AUDIENCE = "call-intelligence";
    private static IssuerStub shared;

    private final int port;
    private final WireMockServer server;
    private final RSAKey key;
    /** Another key under the same key id: its signatures must fail, not just miss the key. */
    private final RSAKey impostor;

    private IssuerStub(int port) {
        this.port = port;
        this.server = new WireMockServer(WireMockConfiguration.options().port(port));
        this.key = rsaKey("stub-key");
        this.impostor = rsaKey("stub-key");
    }

    /** Not started: {@link #issuerUri()} is known before anything answers there. */
    public static IssuerStub onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new IssuerStub(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized IssuerStub shared() {
        if (shared == null) {
            shared = onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public IssuerStub start() {
        server.start();
        server.stubFor(WireMock.get("/.well-known/openid-configuration").willReturn(WireMock.okJson(
                "{\"issuer\":\"" + issuerUri() + "\",\"jwks_uri\":\"" + issuerUri() + "/jwks\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"],"
                        + "\"response_types_supported\":[\"code\"]}")));
        server.stubFor(WireMock.get("/jwks").willReturn(WireMock.okJson(new JWKSet(key.toPublicJWK()).toString())));
        return this;
    }

    public String issuerUri() {
        return "http://localhost:" + port;
    }

    /** What the provider issues for a signed-in user: issuer, audience, the claims the APIs read, 10 minutes. */
    public JWTClaimsSet.Builder claims(String sub, String orgId, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuerUri()).audience(AUDIENCE).subject(sub).claim("org_id", orgId)
                .claim("org_role", role).claim("name", "User " + sub).claim("email", sub + "@acme.test")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    public String token(String sub, String orgId, String role) {
        return sign(claims(sub, orgId, role).build());
    }

    /** As the dev identity provider's client-credentials grant issues them to scripts. */
    public String clientCredentialsToken(String orgId) {
        return sign(claims("call-intelligence-cli", orgId, "head_of_sales").claim("email", null)
                .claim("name", "Call Intelligence CLI").build());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** RS256 tokens of this provider that must get a 401: wrong audience, expired, forged, another issuer, no org. */
    public List<String> hostileTokens() {
        return List.of(
                sign(claims("intruder", "org-1", "admin").audience("another-api").build()),
                sign(claims("intruder", "org-1", "admin").audience(List.of()).build()),
                sign(claims("intruder", "org-1", "admin").expirationTime(Date.from(Instant.now().minusSeconds(120)))
                        .build()),
                sign(impostor, claims("intruder", "org-1", "admin").build()),
                sign(claims("intruder", "org-1", "admin").issuer("https://elsewhere.example").build()),
                sign(claims("intruder", "org-1", "admin").claim("org_id", null).build()),
                // the provider's public key as an HMAC secret: must never verify
                Hs256.sign(key.toPublicJWK().toJSONString(), claims("intruder", "org-1", "admin").build()));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Points a test context at {@link #shared()} ({@code app.auth.issuer-uri}, {@code app.auth.audience}), beside
     * whatever dev secret it sets: the local stack's configuration.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "app.auth.issuer-uri=" + shared().issuerUri(), "app.auth.audience=" + AUDIENCE);
        }
    }
}
