package com.salesai.dashboard;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints HS256 dev tokens like the local stack does. */
public final class Tokens {

    public static final String SECRET = "test-secret-of-at-least-32-characters!";

    private Tokens() {
    }

    public static String token(String userId, String orgId, String role) {
        return token(userId, orgId, role, Duration.ofMinutes(10));
    }

    public static String token(String userId, String orgId, String role, Duration validFor) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).claim("org_id", orgId)
                    .claim("org_role", role).claim("name", "User " + userId).claim("email", userId + "@acme.test")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(validFor))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
