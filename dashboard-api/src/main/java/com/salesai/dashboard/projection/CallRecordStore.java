package com.salesai.dashboard.projection;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Read-merge-write of one call record, guarded against concurrent writers without transactions: the first write is
 * an insert (a concurrent insert loses on the unique {@code _id}), later writes replace only if {@code revision}
 * is unchanged since the read. A lost race re-reads and re-merges.
 */
@Component
class CallRecordStore {

    static final int MAX_ATTEMPTS = 5;

    private final MongoTemplate mongo;

    CallRecordStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The write that happened, or empty when the merge changed nothing (a redelivery or an older event). */
    Optional<Change> merge(String callId, UnaryOperator<CallRecord> merge) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CallRecord current = mongo.findById(callId, CallRecord.class);
            CallRecord next = merge.apply(current);
            if (next.equals(current)) {
                return Optional.empty();
            }
            if (current == null) {
                try {
                    CallRecord inserted = mongo.insert(next.withRevision(1));
                    return Optional.of(new Change(null, inserted));
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            CallRecord replacement = next.withRevision(current.revision() + 1);
            UpdateResult result = mongo.replace(query(where(CallRecord.Fields.ID).is(callId)
                    .and(CallRecord.Fields.REVISION).is(current.revision())), replacement);
            if (result.getMatchedCount() == 1) {
                return Optional.of(new Change(current, replacement));
            }
        }
        throw new OptimisticLockingFailureException("call " + callId + " kept changing under "
                + MAX_ATTEMPTS + " merge attempts");
    }

    void delete(String callId) {
        mongo.remove(query(where(CallRecord.Fields.ID).is(callId)), CallRecord.class);
    }

    Optional<CallRecord> find(String callId) {
        return Optional.ofNullable(mongo.findById(callId, CallRecord.class));
    }

    /** A successful write: the record before (null if new) and after. */
    record Change(CallRecord before, CallRecord after) {
        boolean statusChanged() {
            return before == null || !before.status().equals(after.status());
        }

        /** This write evaluated the call for the first time. */
        boolean evaluated() {
            String evaluated = CallStatus.EVALUATED.wire();
            return evaluated.equals(after.status()) && (before == null || !evaluated.equals(before.status()));
        }
    }
}
