package com.salesai.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens the API must refuse with 401: unsigned, signed with another key, expired, without org_id. */
public final class HostileTokens {

    private HostileTokens() {
    }

    public static List<String> all(String devSecret) {
        JWTClaimsSet valid = claims().build();
        return List.of(
                new PlainJWT(valid).serialize(),
                sign("another-secret-of-at-least-32-characters", valid),
                sign(devSecret, claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build()),
                sign(devSecret, claims().claim("org_id", null).build()));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("intruder").claim("org_id", "org-1").claim("org_role", "admin")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
