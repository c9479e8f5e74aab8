package com.salesai.dashboard.projection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.salesai.dashboard.projection.CallRecord.Fields;

/**
 * Builds the day buckets from {@code call_records} once per database, at start-up before the listeners consume
 * (a database written before buckets existed, or records written by another path such as the benchmark seed). A
 * marker document in {@code read_model_builds} records that it finished; a build interrupted before the marker simply
 * runs again (bucket merges are idempotent), and records written meanwhile by another instance reach the buckets
 * through that instance's own {@link DayBucketStore#sync}. The marker's name changes when the copies gain a field the
 * read paths need (the criteria's scores), so a database built before runs the build once more and its copies are
 * filled in ({@link DayBuckets#upsert}) after their records ({@link CriteriaBackfill}).
 */
@Component
class DayBucketRebuild implements SmartInitializingSingleton {

    static final String MARKERS = "read_model_builds";
    static final String MARKER_ID = CallDay.COLLECTION + "+criteria";
    private static final Logger log = LoggerFactory.getLogger(DayBucketRebuild.class);
    /** Records read per cursor batch by the rebuild (slim copies, about 1 KB each). */
    static final int REBUILD_BATCH = 1_000;
    /** Only what a day copy holds: transcripts and evaluations are never loaded. */
    private static final String[] SLIM_FIELDS = {Fields.REVISION, Fields.ORG_ID, Fields.USER_ID, Fields.STATUS,
            Fields.REP_NAME, Fields.TITLE, Fields.STARTED_AT, Fields.DURATION_SECONDS, Fields.EXTERNAL_INVITEE_COUNT,
            Fields.SOURCE, Fields.OVERALL_SCORE, Fields.OUTCOME, Fields.REP_TALK_RATIO, Fields.ATTRIBUTION, Fields.TEAM,
            Fields.SKIP_REASON, Fields.REVIEW_FLAGS, Fields.EFFECTIVE_SCORE, Fields.REVIEW_AT, Fields.CRITERIA};

    private final MongoTemplate mongo;
    private final DayBucketStore store;
    private final CriteriaBackfill criteria;

    DayBucketRebuild(MongoTemplate mongo, DayBucketStore store, CriteriaBackfill criteria) {
        this.mongo = mongo;
        this.store = store;
        this.criteria = criteria;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mongo.findById(MARKER_ID, Document.class, MARKERS) != null) {
            return;
        }
        long start = System.nanoTime();
        criteria.fill();
        record Bucket(String orgId, LocalDate day) {
        }
        Map<Bucket, List<DayCall>> buckets = new HashMap<>();
        long calls = 0;
        // bounded batches: a store that ignores the 16 MiB reply cap (mongo-java-server) would answer in one
        Query query = new Query().cursorBatchSize(REBUILD_BATCH);
        query.fields().include(SLIM_FIELDS);
        try (Stream<CallRecord> records = mongo.stream(query, CallRecord.class)) {
            for (CallRecord record : (Iterable<CallRecord>) records::iterator) {
                if (DayBuckets.keyOf(record) != null) {
                    DayCall copy = DayBuckets.slim(record);
                    buckets.computeIfAbsent(new Bucket(record.orgId(), DayBuckets.dayOf(copy.startedAt())),
                            b -> new ArrayList<>()).add(copy);
                    calls++;
                }
            }
        }
        buckets.forEach((bucket, copies) -> store.merge(bucket.orgId(), bucket.day(), copies));
        buckets.keySet().stream().map(b -> new Bucket(b.orgId(), DayBuckets.mondayOf(b.day()))).distinct()
                .forEach(week -> store.writeWeek(week.orgId(), week.day()));
        mongo.save(new Document("_id", MARKER_ID).append("builtAt", Instant.now()).append("calls", calls)
                .append("buckets", buckets.size()), MARKERS);
        log.info("day buckets built from call_records: {} calls in {} buckets in {} ms", calls, buckets.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
