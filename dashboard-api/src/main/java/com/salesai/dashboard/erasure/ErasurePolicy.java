package com.salesai.dashboard.erasure;

import com.salesai.dashboard.access.Caller;

/**
 * Who may erase a call: a head of sales or an admin any call of their organization, a member their own calls; a call
 * of another organization (or another member's, for a member) is not theirs to know of, so it is answered as absent.
 */
final class ErasurePolicy {

    private ErasurePolicy() {
    }

    /** The call (orgId, userId) is one {@code caller} may erase; false means 404, never 403. */
    static boolean mayErase(Caller caller, String callOrgId, String callUserId) {
        return caller.orgId() != null && caller.canSee(callOrgId, callUserId);
    }
}
