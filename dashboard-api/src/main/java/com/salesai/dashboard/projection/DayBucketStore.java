package com.salesai.dashboard.projection;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the day buckets ({@link CallDay}) and their totals ({@link DayTotals}) in step with {@code call_records},
 * and reads them by {@code _id}. Writes are read-merge-write guarded by the bucket revision (no transactions), and
 * idempotent: a copy replaces only an older copy of the same call, and totals are rewritten from the bucket they
 * describe, only over older totals. So replaying any call record through {@link #sync} repairs what a crash between
 * the record's write and the bucket's left behind.
 */
@Component
public class DayBucketStore {

    static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;

    DayBucketStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Puts the record's copy in its day's bucket and takes it out of the bucket it was in before, if another. */
    void sync(CallRecord before, CallRecord after) {
        String key = DayBuckets.keyOf(after);
        if (key != null) {
            DayCall copy = DayBuckets.slim(after);
            update(key, after.orgId(), DayBuckets.dayOf(copy.startedAt()), calls -> DayBuckets.upsert(calls, List.of(copy)));
        }
        String previous = DayBuckets.keyOf(before);
        if (previous != null && !previous.equals(key)) {
            update(previous, before.orgId(), DayBuckets.dayOf(before.recorded().startedAt()),
                    calls -> DayBuckets.remove(calls, after.callId()));
        }
    }

    /** Merges copies into one bucket (the start-up rebuild); same guarantees as {@link #sync}. */
    void merge(String orgId, LocalDate day, List<DayCall> copies) {
        update(DayBuckets.key(orgId, day), orgId, day, calls -> DayBuckets.upsert(calls, copies));
    }

    public List<CallDay> days(Collection<String> keys) {
        return mongo.find(query(where("_id").in(keys)), CallDay.class);
    }

    public List<DayTotals> totals(Collection<String> keys) {
        return mongo.find(query(where("_id").in(keys)), DayTotals.class);
    }

    private void update(String key, String orgId, LocalDate day, UnaryOperator<List<DayCall>> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CallDay current = mongo.findById(key, CallDay.class);
            List<DayCall> calls = current == null ? List.of() : current.calls();
            List<DayCall> next = change.apply(calls);
            if (next.equals(calls)) {
                if (current != null) {
                    repairTotals(current);
                }
                return;
            }
            if (current == null) {
                try {
                    writeTotals(mongo.insert(new CallDay(key, 1, orgId, day.toString(), next)));
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            CallDay replacement = new CallDay(key, current.revision() + 1, orgId, day.toString(), next);
            UpdateResult result = mongo.replace(query(where("_id").is(key).and("revision").is(current.revision())),
                    replacement);
            if (result.getMatchedCount() == 1) {
                writeTotals(replacement);
                return;
            }
        }
        throw new OptimisticLockingFailureException("day bucket " + key + " kept changing under " + MAX_ATTEMPTS
                + " merge attempts");
    }

    private void repairTotals(CallDay day) {
        DayTotals totals = mongo.findById(day.id(), DayTotals.class);
        if (totals == null || totals.revision() < day.revision()) {
            writeTotals(day);
        }
    }

    /** Replaces older totals only: totals of a newer bucket revision, written by a racing writer, are kept. */
    private void writeTotals(CallDay day) {
        DayTotals totals = new DayTotals(day.id(), day.revision(), day.orgId(), day.day(),
                DayBuckets.tally(day.calls()));
        Query older = query(where("_id").is(day.id()).and("revision").lt(day.revision()));
        if (mongo.replace(older, totals).getMatchedCount() == 1) {
            return;
        }
        try {
            mongo.insert(totals);
        } catch (DuplicateKeyException newerOrEqualExists) {
            // a writer of a newer bucket revision got there first; its totals are the right ones
        }
    }
}
