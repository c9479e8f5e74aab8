package com.salesai.dashboard.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.function.UnaryOperator;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps each rep's latest review ({@link RepLastReview}) in step with {@code call_records}, like
 * {@link DayBucketStore}: read-merge-write guarded by the document's revision, idempotent (a copy replaces only an
 * older copy of the same call, or a review that comes after it). When the call it holds loses its review, its rep or
 * its record (erasure), the latest is looked up again in {@code call_records} (index {@code org_user_reviewAt}; rare).
 */
@Component
public class LastReviewStore {

    static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;

    LastReviewStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The rep's latest review, or null; a document of another org or rep is never returned. */
    public RepLastReview latest(String orgId, String userId) {
        RepLastReview held = mongo.findById(RepLastReview.key(orgId, userId), RepLastReview.class);
        return held == null || held.empty() || !orgId.equals(held.orgId()) || !userId.equals(held.userId())
                ? null : held;
    }

    /** After a record's write: offers its review, and lets go of the one it held for its former rep. */
    void sync(CallRecord before, CallRecord after) {
        RepLastReview candidate = RepLastReview.of(after);
        if (candidate != null) {
            offer(candidate);
        }
        RepLastReview previous = RepLastReview.of(before);
        if (previous != null && (candidate == null || !previous.id().equals(candidate.id()))) {
            update(previous.orgId(), previous.userId(), held -> held.empty()
                    || !held.callId().equals(previous.callId()) ? held : find(previous.orgId(), previous.userId(),
                    null));
        }
    }

    /** Before an erased call's record is deleted: its review is replaced by the rep's next latest. */
    void forget(CallRecord record) {
        RepLastReview gone = RepLastReview.of(record);
        if (gone != null) {
            update(gone.orgId(), gone.userId(), held -> held.empty() || !held.callId().equals(gone.callId())
                    ? held : find(gone.orgId(), gone.userId(), gone.callId()));
        }
    }

    /** Puts the review in place of the held one if it comes first, or is a newer copy of the same call. */
    void offer(RepLastReview candidate) {
        update(candidate.orgId(), candidate.userId(), held -> {
            if (held.empty() || !held.callId().equals(candidate.callId())) {
                return held.empty() || candidate.before(held) ? candidate : held;
            }
            if (candidate.callRevision() <= held.callRevision()) {
                return held;
            }
            // the same call reviewed earlier than held: another call may now come first
            return candidate.at().isBefore(held.at()) ? find(held.orgId(), held.userId(), null) : candidate;
        });
    }

    /** The rep's latest review in call_records, leaving out {@code except}; the empty document when none. */
    private RepLastReview find(String orgId, String userId, String except) {
        Criteria criteria = where(Fields.ORG_ID).is(orgId).and(Fields.USER_ID).is(userId).and(Fields.REVIEW_AT)
                .ne(null);
        if (except != null) {
            criteria = criteria.and(Fields.ID).ne(except);
        }
        Query latest = query(criteria).with(Sort.by(Sort.Direction.DESC, Fields.REVIEW_AT)
                .and(Sort.by(Sort.Direction.ASC, Fields.ID))).limit(1);
        latest.fields().include(Fields.REVISION, Fields.ORG_ID, Fields.USER_ID, Fields.TITLE,
                Fields.EXTERNAL_INVITEE_COUNT, Fields.REVIEW_AT, Fields.REVIEWED_BY, Fields.REVIEW_NOTE);
        RepLastReview found = RepLastReview.of(mongo.findOne(latest, CallRecord.class));
        return found == null ? RepLastReview.none(orgId, userId) : found;
    }

    private void update(String orgId, String userId, UnaryOperator<RepLastReview> change) {
        String key = RepLastReview.key(orgId, userId);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RepLastReview current = mongo.findById(key, RepLastReview.class);
            RepLastReview held = current == null ? RepLastReview.none(orgId, userId) : current.withRevision(0);
            RepLastReview next = change.apply(held).withRevision(0);
            if (Objects.equals(next, held)) {
                return;
            }
            if (current == null) {
                try {
                    mongo.insert(next.withRevision(1));
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            if (mongo.replace(query(where("_id").is(key).and("revision").is(current.revision())),
                    next.withRevision(current.revision() + 1)).getMatchedCount() == 1) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("last review " + key + " kept changing under " + MAX_ATTEMPTS
                + " merge attempts");
    }
}
