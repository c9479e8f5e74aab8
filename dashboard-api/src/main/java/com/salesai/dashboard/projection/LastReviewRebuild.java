package com.salesai.dashboard.projection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Builds each rep's latest review ({@link RepLastReview}) from {@code call_records} once per database, at start-up
 * before the listeners consume, like {@link DayBucketRebuild} (its own marker in the same collection). Offers are
 * idempotent, so a build interrupted before the marker simply runs again.
 */
@Component
class LastReviewRebuild implements SmartInitializingSingleton {

    static final String MARKER_ID = RepLastReview.COLLECTION;
    private static final Logger log = LoggerFactory.getLogger(LastReviewRebuild.class);

    private final MongoTemplate mongo;
    private final LastReviewStore store;

    LastReviewRebuild(MongoTemplate mongo, LastReviewStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mongo.findById(MARKER_ID, Document.class, DayBucketRebuild.MARKERS) != null) {
            return;
        }
        long start = System.nanoTime();
        Map<String, RepLastReview> latest = new HashMap<>();
        Query query = new Query(where(Fields.REVIEW_AT).ne(null)).cursorBatchSize(DayBucketRebuild.REBUILD_BATCH);
        query.fields().include(Fields.REVISION, Fields.ORG_ID, Fields.USER_ID, Fields.TITLE,
                Fields.EXTERNAL_INVITEE_COUNT, Fields.REVIEW_AT, Fields.REVIEWED_BY, Fields.REVIEW_NOTE);
        long reviewed = 0;
        try (Stream<CallRecord> records = mongo.stream(query, CallRecord.class)) {
            for (CallRecord record : (Iterable<CallRecord>) records::iterator) {
                RepLastReview candidate = RepLastReview.of(record);
                if (candidate != null) {
                    reviewed++;
                    latest.merge(candidate.id(), candidate, (a, b) -> b.before(a) ? b : a);
                }
            }
        }
        latest.values().forEach(store::offer);
        mongo.save(new Document("_id", MARKER_ID).append("builtAt", Instant.now()).append("reviewed", reviewed)
                .append("reps", latest.size()), DayBucketRebuild.MARKERS);
        log.info("latest reviews built from call_records: {} reviewed calls of {} reps in {} ms", reviewed,
                latest.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
