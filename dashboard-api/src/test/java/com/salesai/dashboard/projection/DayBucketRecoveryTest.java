package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.ReadModelSeed;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Day buckets follow their records, are repaired by a redelivery and rebuilt from {@code call_records}. */
@DashboardIntegrationTest
class DayBucketRecoveryTest {

    static final Instant MONDAY = Instant.parse("2026-10-05T09:00:00Z");
    /** The one criterion TestEvents.analyzed scores. */
    static final List<DayTotals.CriterionTally> DISCOVERY_4 = List.of(new DayTotals.CriterionTally("discovery",
            "Découverte", 1, 4));

    @Autowired
    CallProjection projection;
    @Autowired
    DayBucketRebuild rebuild;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aCallMovesToTheDayOfItsNewerRecordingAndCarriesItsAnalysis() {
        String org = "org-moves";
        projection.on(TestEvents.recorded("m1", org, "alice", "Alice", "First", MONDAY));
        projection.on(TestEvents.analyzed("m1", org, "alice", 70, Outcome.WON, 0.5, MONDAY.plusSeconds(9_000)));
        projection.on(TestEvents.recorded("m1", org, "alice", "Alice", "Moved", MONDAY.plusSeconds(86_400)));

        assertThat(bucket(org, "2026-10-05").calls()).isEmpty();
        DayCall moved = bucket(org, "2026-10-06").calls().get(0);
        assertThat(moved).extracting(DayCall::title, DayCall::status, DayCall::overallScore, DayCall::callRevision)
                .containsExactly("Moved", "evaluated", 70, 3L);
        assertThat(mongo.findById(org + "|2026-10-06", DayTotals.class).tallies())
                .containsExactly(new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice", 1, 1,
                        70, 1, 0.5,
                        DISCOVERY_4));
        assertThat(mongo.findById(org + "|week|2026-10-05", DayTotals.class, DayTotals.WEEKS).tallies())
                .containsExactly(new DayTotals.Tally("alice", "evaluated", "won", "recorder", null, "Alice", 1, 1,
                        70, 1, 0.5,
                        DISCOVERY_4));
    }

    @Test
    void aRedeliveryRestoresABucketWriteLostAfterTheRecordsWrite() {
        String org = "org-crash";
        projection.on(TestEvents.recorded("k1", org, "bob", "Bob", "Call", MONDAY));
        mongo.remove(query(where("_id").is(org + "|2026-10-05")), CallDay.class);
        mongo.remove(query(where("_id").is(org + "|2026-10-05")), DayTotals.class);

        projection.on(TestEvents.recorded("k1", org, "bob", "Bob", "Call", MONDAY));

        assertThat(bucket(org, "2026-10-05").calls()).extracting(DayCall::callId).containsExactly("k1");
        assertThat(mongo.findById(org + "|2026-10-05", DayTotals.class).tallies()).hasSize(1);
    }

    @Test
    void theStartUpBuildRecreatesEveryBucketFromTheRecords() {
        String org = "org-rebuild";
        ReadModelSeed.seed(projection, org, 120, LocalDate.parse("2026-10-31"), 31);
        Map<String, List<DayCall>> before = callsByDay(org);
        Map<String, List<DayTotals.Tally>> totalsBefore = talliesByDay(org);
        mongo.remove(query(where("orgId").is(org)), CallDay.class);
        mongo.remove(query(where("orgId").is(org)), DayTotals.class);
        Map<String, List<DayTotals.Tally>> weeksBefore = weeks(org);
        mongo.remove(query(where("orgId").is(org)), DayTotals.WEEKS);
        mongo.remove(query(where("_id").is(DayBucketRebuild.MARKER_ID)), DayBucketRebuild.MARKERS);

        rebuild.afterSingletonsInstantiated();

        assertThat(before).isNotEmpty();
        assertThat(callsByDay(org)).isEqualTo(before);
        assertThat(talliesByDay(org)).isEqualTo(totalsBefore);
        assertThat(weeks(org)).isNotEmpty().isEqualTo(weeksBefore);
        assertThat(mongo.exists(query(where("_id").is(DayBucketRebuild.MARKER_ID)), DayBucketRebuild.MARKERS))
                .isTrue();
    }

    @Test
    void aDatabaseBuiltBeforeCriteriaGetsThemOnItsRecordsCopiesAndTotals() {
        String org = "org-before-criteria";
        ReadModelSeed.seed(projection, org, 80, LocalDate.parse("2026-10-31"), 32);
        Map<String, List<DayCall>> before = callsByDay(org);
        Map<String, List<DayTotals.Tally>> totalsBefore = talliesByDay(org);
        Map<String, List<DayTotals.Tally>> weeksBefore = weeks(org);
        // as the previous version left it: records, copies and totals without criteria, its build marker only
        mongo.updateMulti(query(where("orgId").is(org)), new Update().unset(CallRecord.Fields.CRITERIA),
                CallRecord.class);
        for (CallDay day : mongo.find(query(where("orgId").is(org)), CallDay.class)) {
            mongo.save(new CallDay(day.id(), day.revision(), day.orgId(), day.day(), day.calls().stream()
                    .map(DayBucketRecoveryTest::withoutCriteria).toList()));
        }
        mongo.updateMulti(query(where("orgId").is(org)), new Update().unset("tallies.$[].criteria"), DayTotals.class);
        mongo.remove(query(where("_id").is(DayBucketRebuild.MARKER_ID)), DayBucketRebuild.MARKERS);
        assertThat(callsByDay(org)).isNotEqualTo(before);
        assertThat(talliesByDay(org)).isNotEqualTo(totalsBefore);

        rebuild.afterSingletonsInstantiated();

        assertThat(mongo.find(query(where("orgId").is(org)), CallRecord.class))
                .filteredOn(r -> r.analysis() != null && r.analysis().evaluation() != null).isNotEmpty()
                .allSatisfy(r -> assertThat(r.criteria()).isNotEmpty());
        assertThat(callsByDay(org)).isEqualTo(before);
        assertThat(talliesByDay(org)).isEqualTo(totalsBefore);
        assertThat(weeks(org)).isEqualTo(weeksBefore);
    }

    private static DayCall withoutCriteria(DayCall c) {
        return new DayCall(c.callId(), c.callRevision(), c.userId(), c.status(), c.repName(), c.title(),
                c.startedAt(), c.durationSeconds(), c.externalInviteeCount(), c.source(), c.overallScore(),
                c.outcome(), c.repTalkRatio(), c.attribution(), c.team(), c.skipReason(), c.reviewFlags(),
                c.effectiveScore(), c.reviewed(), null);
    }

    private Map<String, List<DayTotals.Tally>> weeks(String org) {
        return mongo.find(query(where("orgId").is(org)), DayTotals.class, DayTotals.WEEKS).stream()
                .filter(d -> !d.tallies().isEmpty())
                .collect(Collectors.toMap(DayTotals::id, DayTotals::tallies));
    }

    private CallDay bucket(String org, String day) {
        return mongo.findById(org + "|" + day, CallDay.class);
    }

    private Map<String, List<DayCall>> callsByDay(String org) {
        return mongo.find(query(where("orgId").is(org)), CallDay.class).stream()
                .filter(d -> !d.calls().isEmpty())
                .collect(Collectors.toMap(CallDay::id, CallDay::calls));
    }

    private Map<String, List<DayTotals.Tally>> talliesByDay(String org) {
        return mongo.find(query(where("orgId").is(org)), DayTotals.class).stream()
                .filter(d -> !d.tallies().isEmpty())
                .collect(Collectors.toMap(DayTotals::id, DayTotals::tallies));
    }
}
