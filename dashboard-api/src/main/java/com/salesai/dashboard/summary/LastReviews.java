package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.LastReviewStore;
import com.salesai.dashboard.projection.RepLastReview;
import org.springframework.stereotype.Component;

/**
 * The latest review of a call credited to the caller, whatever its date: one document read by {@code _id}
 * ({@link RepLastReview}). Scoped to the caller's own calls for every role, so it never shows another rep's call.
 */
@Component
class LastReviews {

    private final LastReviewStore store;

    LastReviews(LastReviewStore store) {
        this.store = store;
    }

    DashboardSummary.LastReview of(Caller caller) {
        RepLastReview latest = store.latest(caller.orgId(), caller.userId());
        return latest == null ? null : new DashboardSummary.LastReview(latest.callId(), latest.title(),
                latest.reviewedBy(), latest.at(), latest.note());
    }
}
