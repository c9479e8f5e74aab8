package com.salesai.integration.config;

import org.springframework.security.oauth2.jwt.Jwt;

/** The caller, from the bearer JWT: {@code sub}, {@code org_id}, {@code org_role}, {@code email}, {@code name}. */
public record CurrentUser(String userId, String orgId, String role, String email, String name) {

    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("org_id"), jwt.getClaimAsString("org_role"),
                jwt.getClaimAsString("email"), jwt.getClaimAsString("name"));
    }
}
