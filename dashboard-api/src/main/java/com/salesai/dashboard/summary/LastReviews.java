package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The latest review of a call credited to the caller, whatever its date: one record read (index
 * {@code org_user_reviewAt}), only its title and review. Scoped to the caller's own calls for every role, so it never
 * shows another rep's call.
 */
@Component
class LastReviews {

    private final MongoTemplate mongo;

    LastReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    DashboardSummary.LastReview of(Caller caller) {
        Query latest = query(where(Fields.ORG_ID).is(caller.orgId()).and(Fields.USER_ID).is(caller.userId())
                .and(Fields.REVIEW_AT).ne(null)).with(Sort.by(Sort.Direction.DESC, Fields.REVIEW_AT)).limit(1);
        // revision and the invitee count only because the record cannot be read without them (primitives)
        latest.fields().include(Fields.REVISION, Fields.TITLE, Fields.EXTERNAL_INVITEE_COUNT, Fields.REVIEW_AT,
                Fields.REVIEWED_BY, Fields.REVIEW_NOTE);
        CallRecord record = mongo.findOne(latest, CallRecord.class);
        return record == null ? null : new DashboardSummary.LastReview(record.callId(),
                record.recorded() == null ? null : record.recorded().title(), record.review().reviewedBy(),
                record.review().at(), record.review().note());
    }
}
