package com.salesai.dashboard.projection;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.Set;

import static com.salesai.dashboard.projection.CallRecord.Fields.EFFECTIVE_SCORE;
import static com.salesai.dashboard.projection.CallRecord.Fields.ID;
import static com.salesai.dashboard.projection.CallRecord.Fields.ORG_ID;
import static com.salesai.dashboard.projection.CallRecord.Fields.OVERALL_SCORE;
import static com.salesai.dashboard.projection.CallRecord.Fields.REVIEW_AT;
import static com.salesai.dashboard.projection.CallRecord.Fields.STARTED_AT;
import static com.salesai.dashboard.projection.CallRecord.Fields.STATUS;
import static com.salesai.dashboard.projection.CallRecord.Fields.USER_ID;

/**
 * Indexes of {@code call_records}, created at start-up (idempotent). {@code _id} = callId is unique by itself.
 * Record queries (lists without a date window, text search, score sorts) are scoped by org first and ordered on
 * startedAt or a score; dated lists by start time and summaries read the day buckets by {@code _id} instead ({@link DayBucketStore}), which also holds on
 * stores that use no secondary index. Every list order ends with the tie-breakers of {@code CallQueries.sort}, whose
 * ascending orders are the descending ones reversed, so one index serves both directions without an in-memory sort.
 */
@Component
class CallRecordIndexes implements SmartInitializingSingleton {

    /** Indexes of an earlier version whose keys lacked the {@code _id} tie-breaker: dropped, then made anew. */
    static final Set<String> SUPERSEDED = Set.of("org_startedAt", "org_user_startedAt", "org_status_startedAt");

    private final MongoTemplate mongo;

    CallRecordIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IndexOperations indexes = mongo.indexOps(CallRecord.class);
        indexes.getIndexInfo().stream().map(IndexInfo::getName).filter(SUPERSEDED::contains)
                .forEach(indexes::dropIndex);
        // head_of_sales/admin lists: the whole org, newest first (ties by callId).
        indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(STARTED_AT, Sort.Direction.DESC)
                .on(ID, Sort.Direction.ASC).named("org_startedAt_id"));
        // member scope (and the userId filter): one rep's calls.
        indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(USER_ID, Sort.Direction.ASC)
                .on(STARTED_AT, Sort.Direction.DESC).on(ID, Sort.Direction.ASC).named("org_user_startedAt_id"));
        // a rep's latest reviewed call (the summary's lastReview).
        indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(USER_ID, Sort.Direction.ASC)
                .on(REVIEW_AT, Sort.Direction.DESC).named("org_user_reviewAt"));
        // score-sorted lists (highest first, ties newest first, then callId: CallQueries.sort), walked in order and
        // stopped when the page is full instead of sorting every call of the window; member scope adds the rep.
        for (String score : new String[]{OVERALL_SCORE, EFFECTIVE_SCORE}) {
            String name = score.substring(score.indexOf('.') + 1);
            indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(score, Sort.Direction.DESC)
                    .on(STARTED_AT, Sort.Direction.DESC).on(ID, Sort.Direction.ASC).named("org_" + name));
            indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(USER_ID, Sort.Direction.ASC)
                    .on(score, Sort.Direction.DESC).on(STARTED_AT, Sort.Direction.DESC).on(ID, Sort.Direction.ASC)
                    .named("org_user_" + name));
        }
        // the status filter (e.g. pending/failed work lists) within an org.
        indexes.createIndex(new Index().on(ORG_ID, Sort.Direction.ASC).on(STATUS, Sort.Direction.ASC)
                .on(STARTED_AT, Sort.Direction.DESC).on(ID, Sort.Direction.ASC).named("org_status_startedAt_id"));
    }
}
