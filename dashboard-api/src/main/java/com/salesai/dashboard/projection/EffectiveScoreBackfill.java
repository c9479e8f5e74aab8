package com.salesai.dashboard.projection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Gives the records written before reviews existed their {@code effectiveScore} (their AI score: they have no review),
 * once per database at start-up before the listeners consume, so list filters and sorts on it see every scored call.
 * A marker in {@code read_model_builds} records that it finished; an interrupted run simply runs again (it only sets a
 * missing field). Their day-bucket copies need nothing: {@link DayCall#scoreThatCounts()} falls back alike.
 */
@Component
class EffectiveScoreBackfill implements SmartInitializingSingleton {

    static final String MARKER_ID = Fields.EFFECTIVE_SCORE;
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(EffectiveScoreBackfill.class);

    private final MongoTemplate mongo;

    EffectiveScoreBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mongo.findById(MARKER_ID, Document.class, DayBucketRebuild.MARKERS) != null) {
            return;
        }
        long filled = 0;
        List<CallRecord> batch;
        do {
            Query missing = query(where(Fields.EFFECTIVE_SCORE).exists(false).and(Fields.OVERALL_SCORE).ne(null))
                    .limit(BATCH);
            missing.fields().include(Fields.REVISION, Fields.OVERALL_SCORE);
            batch = mongo.find(missing, CallRecord.class);
            for (CallRecord record : batch) {
                // only where still missing: a record merged meanwhile already carries the score that counts
                mongo.updateFirst(query(where(Fields.ID).is(record.callId()).and(Fields.EFFECTIVE_SCORE).exists(false)),
                        Update.update(Fields.EFFECTIVE_SCORE, record.analysis().overallScore()), CallRecord.class);
            }
            filled += batch.size();
        } while (batch.size() == BATCH);
        mongo.save(new Document("_id", MARKER_ID).append("builtAt", Instant.now()).append("calls", filled),
                DayBucketRebuild.MARKERS);
        if (filled > 0) {
            log.info("effective scores filled in on {} call records written before reviews existed", filled);
        }
    }
}
