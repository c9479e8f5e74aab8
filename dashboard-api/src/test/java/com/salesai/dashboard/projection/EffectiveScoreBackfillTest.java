package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Records written before reviews existed get their AI score as the score that counts, once per database. */
@DashboardIntegrationTest
class EffectiveScoreBackfillTest {

    static final Instant STARTED = Instant.parse("2026-09-01T09:00:00Z");

    @Autowired
    CallProjection projection;
    @Autowired
    EffectiveScoreBackfill backfill;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRecordFromBeforeReviewsGetsItsAiScoreAndOneWithoutAScoreNone() {
        String org = "org-backfill";
        projection.on(TestEvents.recorded("bf-1", org, "alice", "Alice", "Ancien", STARTED));
        projection.on(TestEvents.analyzed("bf-1", org, "alice", 81, Outcome.WON, 0.5, STARTED.plusSeconds(3600)));
        projection.on(TestEvents.recorded("bf-2", org, "alice", "Alice", "En attente", STARTED));
        // as written by the previous version (or by the benchmark seed): no effectiveScore
        mongo.updateMulti(query(where("orgId").is(org)), new Update().unset(CallRecord.Fields.EFFECTIVE_SCORE),
                CallRecord.class);
        mongo.remove(query(where("_id").is(EffectiveScoreBackfill.MARKER_ID)), DayBucketRebuild.MARKERS);
        assertThat(mongo.findById("bf-1", CallRecord.class).effectiveScore()).isNull();

        backfill.afterSingletonsInstantiated();

        assertThat(mongo.findById("bf-1", CallRecord.class).effectiveScore()).isEqualTo(81);
        assertThat(mongo.findById("bf-2", CallRecord.class).effectiveScore()).isNull();
        assertThat(mongo.findById("bf-1", CallRecord.class).revision()).as("no write a merge would miss").isEqualTo(2);
        assertThat(mongo.exists(query(where("_id").is(EffectiveScoreBackfill.MARKER_ID)), DayBucketRebuild.MARKERS))
                .isTrue();
    }
}
