package com.salesai.dashboard.projection;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * Puts the record's copy in its day's bucket and takes it out of the bucket it was in before, if another; then
     * re-adds the week totals of the days touched.
     */
    void sync(CallRecord before, CallRecord after) {
        String key = DayBuckets.keyOf(after);
        if (key != null) {
            DayCall copy = DayBuckets.slim(after);
            LocalDate day = DayBuckets.dayOf(copy.startedAt());
            update(key, after.orgId(), day, calls -> DayBuckets.upsert(calls, List.of(copy)));
            writeWeek(after.orgId(), DayBuckets.mondayOf(day));
        }
        String previous = DayBuckets.keyOf(before);
        if (previous != null && !previous.equals(key)) {
            LocalDate day = DayBuckets.dayOf(before.recorded().startedAt());
            update(previous, before.orgId(), day, calls -> DayBuckets.remove(calls, after.callId()));
            writeWeek(before.orgId(), DayBuckets.mondayOf(day));
        }
    }

    /** Takes the record's copy out of its day's bucket (an erased call) and re-adds that week's totals. */
    void forget(CallRecord record) {
        String key = DayBuckets.keyOf(record);
        if (key != null) {
            LocalDate day = DayBuckets.dayOf(record.recorded().startedAt());
            update(key, record.orgId(), day, calls -> DayBuckets.remove(calls, record.callId()));
            writeWeek(record.orgId(), DayBuckets.mondayOf(day));
        }
    }

    /**
     * Merges copies into one bucket (the start-up rebuild, which then calls {@link #writeWeek} once per week); same
     * guarantees as {@link #sync}.
     */
    void merge(String orgId, LocalDate day, List<DayCall> copies) {
        update(DayBuckets.key(orgId, day), orgId, day, calls -> DayBuckets.upsert(calls, copies));
    }

    /** The org's buckets among {@code keys}; a document of another org is never returned, whatever its key. */
    public List<CallDay> days(String orgId, Collection<String> keys) {
        return mongo.find(query(where("_id").in(keys)), CallDay.class).stream()
                .filter(day -> orgId.equals(day.orgId())).toList();
    }

    /** The totals of an org's days [first, last]: whole weeks as week totals, the rest as day totals. */
    public List<DayTotals> totals(String orgId, LocalDate first, LocalDate last) {
        DayBuckets.TotalsKeys keys = DayBuckets.totalsKeys(orgId, first, last);
        List<DayTotals> totals = new ArrayList<>(findTotals(keys.days(), DayTotals.COLLECTION));
        totals.addAll(findTotals(keys.weeks(), DayTotals.WEEKS));
        return totals.stream().filter(total -> orgId.equals(total.orgId())).toList();
    }

    private List<DayTotals> findTotals(Collection<String> keys, String collection) {
        return mongo.find(query(where("_id").in(keys)), Document.class, collection).stream()
                .map(DayTotalsDocuments::of).toList();
    }

    /**
     * Re-adds a week's totals from its days' totals. Stamped with the sum of the day revisions read: of two racing
     * writers, the one that read last saw both days' writes and has the greater sum, so only it can win.
     */
    void writeWeek(String orgId, LocalDate monday) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add(DayBuckets.key(orgId, monday.plusDays(i)));
        }
        List<DayTotals> days = findTotals(keys, DayTotals.COLLECTION);
        long revisions = days.stream().mapToLong(DayTotals::revision).sum();
        replaceIfNewer(new DayTotals(DayBuckets.weekKey(orgId, monday), revisions, orgId, monday.toString(),
                DayBuckets.addUp(days)), DayTotals.WEEKS);
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
        replaceIfNewer(new DayTotals(day.id(), day.revision(), day.orgId(), day.day(),
                DayBuckets.tally(day.calls())), DayTotals.COLLECTION);
    }

    private void replaceIfNewer(DayTotals totals, String collection) {
        Query older = query(where("_id").is(totals.id()).and("revision").lt(totals.revision()));
        if (mongo.replace(older, totals, collection).getMatchedCount() == 1) {
            return;
        }
        try {
            mongo.insert(totals, collection);
        } catch (DuplicateKeyException newerOrEqualExists) {
            // a writer that read newer revisions got there first; its totals are the right ones
        }
    }
}
