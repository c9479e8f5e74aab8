package com.salesai.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Dev HS256 tokens as the local stack mints them. */
public final class Tokens {
    public static final String SECRET = "test-secret-of-at-least-32-characters!";

    private Tokens() {
    }

    public static String forUser(String userId, String orgId) {
        return token(userId, orgId, "member");
    }

    public static String token(String userId, String orgId, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).claim("org_id", orgId)
                .claim("org_role", role).claim("email", userId + "@acme.com").claim("name", "User " + userId)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
