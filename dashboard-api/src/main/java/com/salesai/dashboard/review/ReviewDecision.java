package com.salesai.dashboard.review;

import com.salesai.schema.events.CallReviewed;

/** What becomes of a review request; the controller maps each to its status code. */
sealed interface ReviewDecision {

    /** To publish; {@code review} is how the call will show it: 202. */
    record Accepted(CallReviewed event, CallReview review) implements ReviewDecision {
    }

    /** No such call in the caller's scope (another organization's, another member's, unknown or erased): 404. */
    record Hidden() implements ReviewDecision {
    }

    /** The caller sees the call (their own) but a member may not review: 403. */
    record Forbidden() implements ReviewDecision {
    }

    /** Nothing to review yet: the call has no evaluation (pending, failed, skipped, metrics-only): 409. */
    record NotEvaluated(String status) implements ReviewDecision {
    }

    /** The body names an unknown criterion, a score outside 1–5 or a text over its limit: 400 naming the field. */
    record Invalid(String field, String detail) implements ReviewDecision {
    }
}
