package com.salesai.dashboard.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Gives the records written before {@code criteria} existed their criteria's scores that count, from their evaluation
 * and review (none without an evaluation), in batches. Run by {@link DayBucketRebuild} before it copies the records,
 * so the copies carry them; a record merged meanwhile already has them and is left alone.
 */
@Component
class CriteriaBackfill {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(CriteriaBackfill.class);

    private final MongoTemplate mongo;

    CriteriaBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void fill() {
        long filled = 0;
        List<CallRecord> batch;
        do {
            Query missing = query(where(Fields.CRITERIA).exists(false)).limit(BATCH);
            missing.fields().include(Fields.REVISION, Fields.EVALUATION, Fields.REVIEW);
            batch = mongo.find(missing, CallRecord.class);
            for (CallRecord record : batch) {
                mongo.updateFirst(query(where(Fields.ID).is(record.callId()).and(Fields.CRITERIA).exists(false)),
                        Update.update(Fields.CRITERIA, EffectiveScore.criteria(record.analysis(), record.review())),
                        CallRecord.class);
            }
            filled += batch.size();
        } while (batch.size() == BATCH);
        if (filled > 0) {
            log.info("criteria scores filled in on {} call records written before they were derived", filled);
        }
    }
}
