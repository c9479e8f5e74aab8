package com.salesai.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

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
                Hs256.sign("another-secret-of-at-least-32-characters", valid),
                Hs256.sign(devSecret, claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build()),
                Hs256.sign(devSecret, claims().claim("org_id", null).build()));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("intruder").claim("org_id", "org-1").claim("org_role", "admin")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
