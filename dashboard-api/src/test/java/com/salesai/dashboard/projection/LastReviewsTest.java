package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.CallErased;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Each rep's latest review follows the records: out of order, replayed, erased, moved, rebuilt. */
@DashboardIntegrationTest
class LastReviewsTest {

    static final Instant START = Instant.parse("2026-10-05T09:00:00Z");

    @Autowired
    CallProjection projection;
    @Autowired
    LastReviewStore store;
    @Autowired
    LastReviewRebuild rebuild;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theLatestReviewWinsWhateverTheOrderAndReplays() {
        String org = "org-lr-order";
        projection.on(TestEvents.reviewed("lr-b", org, "boss", START.plusSeconds(100), "later", "discovery", 3));
        projection.on(TestEvents.recorded("lr-a", org, "alice", "Alice", "First", START));
        projection.on(TestEvents.recorded("lr-b", org, "alice", "Alice", "Second", START));
        projection.on(TestEvents.reviewed("lr-a", org, "boss", START.plusSeconds(50), "earlier", "discovery", 2));
        projection.on(TestEvents.reviewed("lr-b", org, "boss", START.plusSeconds(100), "later", "discovery", 3));
        projection.on(TestEvents.reviewed("lr-a", org, "boss", START.plusSeconds(50), "earlier", "discovery", 2));

        RepLastReview latest = store.latest(org, "alice");
        assertThat(latest).extracting(RepLastReview::callId, RepLastReview::title, RepLastReview::note,
                RepLastReview::at).containsExactly("lr-b", "Second", "later", START.plusSeconds(100));
        assertThat(latest.reviewedBy().userId()).isEqualTo("boss");
        assertThat(store.latest(org, "bob")).isNull();
        assertThat(store.latest("other-org", "alice")).isNull();

        projection.on(TestEvents.reviewed("lr-a", org, "boss", START.plusSeconds(200), "newest", "discovery", 4));
        assertThat(store.latest(org, "alice")).extracting(RepLastReview::callId, RepLastReview::note)
                .containsExactly("lr-a", "newest");
    }

    @Test
    void erasingTheLatestReviewedCallFallsBackToTheNextThenToNone() {
        String org = "org-lr-erase";
        projection.on(TestEvents.recorded("lr-e1", org, "eve", "Eve", "Old", START));
        projection.on(TestEvents.recorded("lr-e2", org, "eve", "Eve", "New", START));
        projection.on(TestEvents.reviewed("lr-e1", org, "boss", START.plusSeconds(10), "one"));
        projection.on(TestEvents.reviewed("lr-e2", org, "boss", START.plusSeconds(20), "two"));

        projection.on(CallErased.of("lr-e2", org, "boss", START.plusSeconds(30)));
        assertThat(store.latest(org, "eve")).extracting(RepLastReview::callId, RepLastReview::note)
                .containsExactly("lr-e1", "one");
        projection.on(CallErased.of("lr-e1", org, "boss", START.plusSeconds(40)));
        assertThat(store.latest(org, "eve")).isNull();
        projection.on(TestEvents.reviewed("lr-e2", org, "boss", START.plusSeconds(50), "ignored"));
        assertThat(store.latest(org, "eve")).isNull();
    }

    @Test
    void aCallCreditedToAnotherRepTakesItsReviewAlong() {
        String org = "org-lr-move";
        projection.on(TestEvents.recorded("lr-m1", org, "mia", "Mia", "Kept", START));
        projection.on(TestEvents.recorded("lr-m2", org, "mia", "Mia", "Moved", START));
        projection.on(TestEvents.reviewed("lr-m1", org, "boss", START.plusSeconds(10), "kept"));
        projection.on(TestEvents.reviewed("lr-m2", org, "boss", START.plusSeconds(20), "moved"));
        projection.on(TestEvents.recorded("lr-m2", org, "noah", "Noah", "Moved", START.plusSeconds(1)));

        assertThat(store.latest(org, "mia")).extracting(RepLastReview::callId).isEqualTo("lr-m1");
        assertThat(store.latest(org, "noah")).extracting(RepLastReview::callId).isEqualTo("lr-m2");
    }

    @Test
    void theStartUpBuildRecreatesTheLatestReviewsFromTheRecords() {
        String org = "org-lr-rebuild";
        for (int i = 0; i < 6; i++) {
            String rep = "rep" + (i % 3);
            projection.on(TestEvents.recorded("lr-r" + i, org, rep, rep, "Call " + i, START.plusSeconds(i)));
            projection.on(TestEvents.reviewed("lr-r" + i, org, "boss", START.plusSeconds(100 - i), "note " + i));
        }
        RepLastReview rep0 = store.latest(org, "rep0");
        RepLastReview rep2 = store.latest(org, "rep2");
        assertThat(rep0.callId()).isEqualTo("lr-r0");
        mongo.remove(query(where("orgId").is(org)), RepLastReview.class);
        mongo.remove(query(where("_id").is(LastReviewRebuild.MARKER_ID)), DayBucketRebuild.MARKERS);
        assertThat(store.latest(org, "rep0")).isNull();

        rebuild.afterSingletonsInstantiated();

        assertThat(store.latest(org, "rep0")).usingRecursiveComparison().ignoringFields("revision").isEqualTo(rep0);
        assertThat(store.latest(org, "rep2")).usingRecursiveComparison().ignoringFields("revision").isEqualTo(rep2);
        assertThat(mongo.exists(query(where("_id").is(LastReviewRebuild.MARKER_ID)), DayBucketRebuild.MARKERS))
                .isTrue();
    }

    @Test
    void keysOfDifferentOrgsAndRepsNeverCollide() {
        assertThat(RepLastReview.key("a|b", "c")).isNotEqualTo(RepLastReview.key("a", "b|c"));
    }
}
