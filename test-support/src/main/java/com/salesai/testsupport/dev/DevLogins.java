package com.salesai.testsupport.dev;

import com.nimbusds.jwt.JWTClaimsSet;
import com.salesai.testsupport.Hs256;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A dev JWT secret generated for one run and tokens signed with it for the users {@code ./run-local} prints (a
 * rep and a head of sales of one organization). {@link #toString()} hides the secret.
 */
public record DevLogins(String devSecret, String repToken, String headOfSalesToken) {
    static final String ORG = "org-acme";
    static final String REP = "rep-alice";
    static final String HEAD_OF_SALES = "head-hugo";
    static final Duration VALIDITY = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    static DevLogins generate() {
        byte[] bytes = new byte[36];
        RANDOM.nextBytes(bytes);
        // 48 characters, above the 32 the services require
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new DevLogins(secret,
                token(secret, REP, "member", "Alice Martin", "alice@acme-sales.test"),
                token(secret, HEAD_OF_SALES, "head_of_sales", "Hugo Bernard", "hugo@acme-sales.test"));
    }

    private static String token(String secret, String userId, String role, String name, String email) {
        Instant now = Instant.now();
        return Hs256.sign(secret, new JWTClaimsSet.Builder().subject(userId).claim("org_id", ORG)
                .claim("org_role", role).claim("name", name).claim("email", email).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY))).build());
    }

    @Override
    public String toString() {
        return "DevLogins[org=" + ORG + ", rep=" + REP + ", headOfSales=" + HEAD_OF_SALES + "]";
    }
}
