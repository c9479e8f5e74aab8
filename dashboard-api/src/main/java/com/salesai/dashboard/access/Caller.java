package com.salesai.dashboard.access;

import com.salesai.dashboard.projection.CallRecord;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from the verified JWT ({@code sub}, {@code org_id}, {@code org_role}, {@code name}). A missing or
 * unknown role is treated as {@code member}, the narrowest scope.
 */
public record Caller(String userId, String orgId, Role role, String name) {

    public enum Role { MEMBER, HEAD_OF_SALES, ADMIN }

    public static Caller from(Jwt jwt) {
        String role = jwt.getClaimAsString("org_role");
        Role parsed = "head_of_sales".equals(role) ? Role.HEAD_OF_SALES
                : "admin".equals(role) ? Role.ADMIN : Role.MEMBER;
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("org_id"), parsed, jwt.getClaimAsString("name"));
    }

    public boolean seesWholeOrg() {
        return role != Role.MEMBER;
    }

    /** Whether a call of (orgId, userId) is visible to this caller. */
    public boolean canSee(String callOrgId, String callUserId) {
        return orgId.equals(callOrgId) && (seesWholeOrg() || userId.equals(callUserId));
    }

    /** The MongoDB criteria restricting call records to this caller's scope. */
    public Criteria scope() {
        Criteria criteria = Criteria.where(CallRecord.Fields.ORG_ID).is(orgId);
        return seesWholeOrg() ? criteria : criteria.and(CallRecord.Fields.USER_ID).is(userId);
    }
}
