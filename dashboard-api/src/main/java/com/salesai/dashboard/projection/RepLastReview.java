package com.salesai.dashboard.projection;

import com.salesai.schema.events.CallReviewed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The latest review of a call credited to one rep of one org, read by {@code _id} for the summary (a sorted query on
 * {@code call_records} is a full scan on a store that only uses the {@code _id} index). {@code callId} is null once
 * the rep has no reviewed call left (kept, not deleted, so {@code revision} never restarts). {@code callRevision} is
 * the record revision the copy was taken from.
 */
@Document(RepLastReview.COLLECTION)
public record RepLastReview(@Id String id, long revision, String orgId, String userId, String callId,
                            long callRevision, String title, CallReviewed.Reviewer reviewedBy, Instant at,
                            String note) {

    public static final String COLLECTION = "rep_last_reviews";

    /** Unambiguous whatever the ids contain: the org id's length comes first. */
    public static String key(String orgId, String userId) {
        return orgId.length() + ":" + orgId + "|" + userId;
    }

    /** The review a record holds, as this rep's candidate; null when it has none or no rep. */
    static RepLastReview of(CallRecord r) {
        if (r == null || r.review() == null || r.review().at() == null || r.orgId() == null || r.userId() == null) {
            return null;
        }
        return new RepLastReview(key(r.orgId(), r.userId()), 0, r.orgId(), r.userId(), r.callId(), r.revision(),
                r.recorded() == null ? null : r.recorded().title(), r.review().reviewedBy(), r.review().at(),
                r.review().note());
    }

    boolean empty() {
        return callId == null;
    }

    /** Whether this review comes before {@code other} in the summary's order: latest first, then by callId. */
    boolean before(RepLastReview other) {
        int byTime = at.compareTo(other.at);
        return byTime > 0 || byTime == 0 && callId.compareTo(other.callId) < 0;
    }

    RepLastReview withRevision(long newRevision) {
        return new RepLastReview(id, newRevision, orgId, userId, callId, callRevision, title, reviewedBy, at, note);
    }

    static RepLastReview none(String orgId, String userId) {
        return new RepLastReview(key(orgId, userId), 0, orgId, userId, null, 0, null, null, null, null);
    }
}
