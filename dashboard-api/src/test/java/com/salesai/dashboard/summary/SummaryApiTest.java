package com.salesai.dashboard.summary;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryApiTest {

    static final String ORG = "org-summary";
    static final String RANGE = "/api/dashboard/summary?from=2026-09-01&to=2026-09-14";
    static final String V2 = "org-summary-v2";

    @LocalServerPort
    int port;
    @Autowired
    CallProjection projection;
    Api api;
    final String head = Tokens.token("boss", ORG, "admin");
    final String alice = Tokens.token("alice", ORG, "member");
    final String v2Head = Tokens.token("boss", V2, "head_of_sales");

    @BeforeAll
    void seed() {
        api = new Api(port);
        scored("s1", "alice", "2026-09-01T10:00:00Z", 80, Outcome.WON, 0.5);
        scored("s2", "alice", "2026-09-03T10:00:00Z", 60, Outcome.ADVANCED, 0.7);
        recorded("s3", "alice", "2026-09-08T10:00:00Z");
        recorded("s4", "alice", "2026-09-09T10:00:00Z");
        projection.on(TestEvents.metricsOnly("s4", ORG, "alice", 0.4, Instant.parse("2026-09-09T12:00:00Z")));
        scored("p1", "alice", "2026-08-20T10:00:00Z", 50, Outcome.LOST, 0.5);      // previous period
        scored("s5", "bob", "2026-09-10T10:00:00Z", 90, Outcome.WON, 0.6);
        recorded("s6", "bob", "2026-09-12T10:00:00Z");
        projection.on(TestEvents.failed("s6", ORG, "bob", Instant.parse("2026-09-12T12:00:00Z")));
        scored("s7", "bob", "2026-09-14T23:00:00Z", 30, Outcome.LOST, 0.8);        // last day, included
        scored("s8", "bob", "2026-09-15T00:30:00Z", 100, Outcome.WON, 0.8);        // after the range
        projection.on(TestEvents.recorded("o1", "org-elsewhere", "olga", "Olga", "t",
                Instant.parse("2026-09-05T10:00:00Z")));
        projection.on(TestEvents.analyzed("o1", "org-elsewhere", "olga", 10, Outcome.LOST, 0.9,
                Instant.parse("2026-09-05T12:00:00Z")));
        seedAttributedAndSkipped();
    }

    /**
     * {@value #V2}: alice recorded v1 (Enterprise, 80 won) and v2 (Enterprise, skipped internal meeting); v3 was shared
     * with her (skipped, recorded outside the org); bob recorded v4 (SMB, 40 lost); v5 was shared with bob and
     * evaluated anyway (100 won), which must not count as his.
     */
    private void seedAttributedAndSkipped() {
        v2Call("v1", "alice", "2026-09-02T10:00:00Z", "Enterprise", Attribution.RECORDER);
        projection.on(TestEvents.analyzed("v1", V2, "alice", 80, Outcome.WON, 0.5,
                Instant.parse("2026-09-02T12:00:00Z")));
        v2Call("v2", "alice", "2026-09-03T10:00:00Z", "Enterprise", Attribution.RECORDER);
        projection.on(TestEvents.skipped("v2", V2, "alice", SkipReason.INTERNAL_MEETING,
                Instant.parse("2026-09-03T12:00:00Z")));
        v2Call("v3", "alice", "2026-09-04T10:00:00Z", null, Attribution.SHARED);
        projection.on(TestEvents.skipped("v3", V2, "alice", SkipReason.RECORDED_OUTSIDE_ORG,
                Instant.parse("2026-09-04T12:00:00Z")));
        v2Call("v4", "bob", "2026-09-05T10:00:00Z", "SMB", Attribution.RECORDER);
        projection.on(TestEvents.analyzed("v4", V2, "bob", 40, Outcome.LOST, 0.4,
                Instant.parse("2026-09-05T12:00:00Z")));
        v2Call("v5", "bob", "2026-09-06T10:00:00Z", null, Attribution.SHARED);
        projection.on(TestEvents.analyzed("v5", V2, "bob", 100, Outcome.WON, 0.9,
                Instant.parse("2026-09-06T12:00:00Z")));
    }

    private void v2Call(String callId, String userId, String startedAt, String team, Attribution attribution) {
        String name = attribution == Attribution.SHARED ? "Carl Outsider" : userId.equals("alice") ? "Alice Martin"
                : "Bob Durand";
        projection.on(TestEvents.recorded(callId, V2, userId, name, "Call " + callId, Instant.parse(startedAt), team,
                attribution));
    }

    private void recorded(String callId, String userId, String startedAt) {
        String name = userId.equals("alice") ? "Alice Martin" : "Bob Durand";
        projection.on(TestEvents.recorded(callId, ORG, userId, name, "Call " + callId, Instant.parse(startedAt)));
    }

    private void scored(String callId, String userId, String startedAt, int score, Outcome outcome, double talk) {
        recorded(callId, userId, startedAt);
        projection.on(TestEvents.analyzed(callId, ORG, userId, score, outcome, talk,
                Instant.parse(startedAt).plusSeconds(7200)));
    }

    @Test
    void orgSummaryMatchesHandComputedFigures() {
        JsonNode s = api.getJson(RANGE, head);

        assertThat(s.get("from").asString()).isEqualTo("2026-09-01");
        assertThat(s.get("to").asString()).isEqualTo("2026-09-14");
        assertThat(s.get("totalCalls").asLong()).isEqualTo(7);                    // s1..s7
        assertThat(s.get("evaluatedCalls").asLong()).isEqualTo(5);                // s1 s2 s4 s5 s7
        assertThat(s.get("skippedCalls").asLong()).isZero();
        assertThat(s.get("averageScore").asDouble()).isEqualTo(65.0);             // (80+60+90+30)/4
        assertThat(s.get("outcomes").get("won").asLong()).isEqualTo(2);
        assertThat(s.get("outcomes").get("advanced").asLong()).isEqualTo(1);
        assertThat(s.get("outcomes").get("lost").asLong()).isEqualTo(1);
        assertThat(s.get("outcomes").size()).isEqualTo(3);

        JsonNode alice = s.get("reps").get(0);
        assertThat(alice.get("userId").asString()).isEqualTo("alice");
        assertThat(alice.get("name").asString()).isEqualTo("Alice Martin");
        assertThat(alice.get("calls").asLong()).isEqualTo(4);
        assertThat(alice.get("averageScore").asDouble()).isEqualTo(70.0);
        assertThat(alice.get("averageTalkRatio").asDouble()).isCloseTo((0.5 + 0.7 + 0.4) / 3, within(1e-9));
        assertThat(alice.get("scoreChange").asDouble()).isEqualTo(20.0);         // 70 - 50
        JsonNode bob = s.get("reps").get(1);
        assertThat(bob.get("userId").asString()).isEqualTo("bob");
        assertThat(bob.get("calls").asLong()).isEqualTo(3);
        assertThat(bob.get("averageScore").asDouble()).isEqualTo(60.0);           // (90+30)/2
        assertThat(bob.get("averageTalkRatio").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(bob.get("scoreChange").isNull()).isTrue();                    // nothing scored before
        assertThat(s.get("reps").size()).isEqualTo(2);

        JsonNode weekly = s.get("weekly");
        assertThat(weekly.size()).isEqualTo(3);
        assertWeek(weekly.get(0), "2026-08-31", 2, 70.0);                          // s1 s2
        assertWeek(weekly.get(1), "2026-09-07", 4, 90.0);                          // s3 s4 s5 s6
        assertWeek(weekly.get(2), "2026-09-14", 1, 30.0);                          // s7
    }

    @Test
    void skippedAndSharedCallsAreCountedButOnlyRecordedEvaluatedCallsMakeAveragesRepsAndTrends() {
        JsonNode s = api.getJson(RANGE, v2Head);

        assertThat(s.get("totalCalls").asLong()).isEqualTo(5);
        assertThat(s.get("evaluatedCalls").asLong()).isEqualTo(3);                // v1 v4 v5
        assertThat(s.get("skippedCalls").asLong()).isEqualTo(2);                  // v2 v3
        assertThat(s.get("averageScore").asDouble()).isEqualTo(60.0);             // (80+40)/2, not v5's 100
        assertThat(s.get("outcomes").get("won").asLong()).isEqualTo(1);
        assertThat(s.get("outcomes").get("lost").asLong()).isEqualTo(1);
        JsonNode reps = s.get("reps");
        assertThat(reps.size()).isEqualTo(2);
        assertRep(reps.get(0), "alice", "Alice Martin", "Enterprise", 2, 80.0, 0.5); // v2's 0.3 is no average
        assertRep(reps.get(1), "bob", "Bob Durand", "SMB", 1, 40.0, 0.4);
        assertWeek(s.get("weekly").get(0), "2026-08-31", 3, 60.0);                  // v1 v2 v4
    }

    @Test
    void aTeamFilterSummarizesOnlyThatTeamsCalls() {
        JsonNode enterprise = api.getJson(RANGE + "&team=Enterprise", v2Head);

        assertThat(enterprise.get("totalCalls").asLong()).isEqualTo(2);
        assertThat(enterprise.get("evaluatedCalls").asLong()).isEqualTo(1);
        assertThat(enterprise.get("skippedCalls").asLong()).isEqualTo(1);
        assertThat(enterprise.get("averageScore").asDouble()).isEqualTo(80.0);
        assertThat(enterprise.get("reps").size()).isEqualTo(1);
        assertRep(enterprise.get("reps").get(0), "alice", "Alice Martin", "Enterprise", 2, 80.0, 0.5);
        JsonNode smb = api.getJson(RANGE + "&team=SMB", v2Head);
        assertThat(smb.get("totalCalls").asLong()).isEqualTo(1);
        assertThat(smb.get("reps").get(0).get("userId").asString()).isEqualTo("bob");
        assertThat(api.getJson(RANGE + "&team=Nobody", v2Head).get("totalCalls").asLong()).isZero();
        assertBad(RANGE + "&team=" + "t".repeat(201), "team");
    }

    private static void assertRep(JsonNode rep, String userId, String name, String team, long calls,
                                  double averageScore, double talkRatio) {
        assertThat(rep.get("userId").asString()).isEqualTo(userId);
        assertThat(rep.get("name").asString()).isEqualTo(name);
        assertThat(rep.get("team").asString()).isEqualTo(team);
        assertThat(rep.get("calls").asLong()).isEqualTo(calls);
        assertThat(rep.get("averageScore").asDouble()).isEqualTo(averageScore);
        assertThat(rep.get("averageTalkRatio").asDouble()).isCloseTo(talkRatio, within(1e-9));
    }

    @Test
    void memberSummaryCoversOnlyTheirOwnCalls() {
        JsonNode s = api.getJson(RANGE, alice);

        assertThat(s.get("totalCalls").asLong()).isEqualTo(4);
        assertThat(s.get("evaluatedCalls").asLong()).isEqualTo(3);
        assertThat(s.get("averageScore").asDouble()).isEqualTo(70.0);
        assertThat(s.get("reps").size()).isEqualTo(1);
        assertThat(s.get("reps").get(0).get("userId").asString()).isEqualTo("alice");
    }

    @Test
    void anotherOrganizationSeesNoneOfThisOrgsCalls() {
        JsonNode s = api.getJson(RANGE, Tokens.token("olga", "org-elsewhere", "head_of_sales"));

        assertThat(s.get("totalCalls").asLong()).isEqualTo(1);
        assertThat(s.get("averageScore").asDouble()).isEqualTo(10.0);
        assertThat(s.get("reps").get(0).get("userId").asString()).isEqualTo("olga");
    }

    @Test
    void emptyRangeHasNullAveragesAndZeroWeeks() {
        JsonNode s = api.getJson("/api/dashboard/summary?from=2025-01-06&to=2025-01-12", head);

        assertThat(s.get("totalCalls").asLong()).isZero();
        assertThat(s.get("averageScore").isNull()).isTrue();
        assertThat(s.get("reps").size()).isZero();
        assertWeek(s.get("weekly").get(0), "2025-01-06", 0, null);
    }

    @Test
    void badRangesAre400AndNoTokenIs401() {
        assertBad("/api/dashboard/summary?from=2026-13-01", "from");
        assertBad("/api/dashboard/summary?to=soon", "to");
        assertBad("/api/dashboard/summary?from=2026-09-10&to=2026-09-01", "from");
        assertBad("/api/dashboard/summary?from=2025-01-01&to=2026-01-02", "from");
        assertThat(api.get(RANGE, null).statusCode()).isEqualTo(401);
    }

    private void assertBad(String path, String parameter) {
        var response = api.get(path, head);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(Api.json(response.body()).get("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private static void assertWeek(JsonNode week, String start, long calls, Double average) {
        assertThat(week.get("weekStart").asString()).isEqualTo(start);
        assertThat(week.get("calls").asLong()).isEqualTo(calls);
        if (average == null) {
            assertThat(week.get("averageScore").isNull()).isTrue();
        } else {
            assertThat(week.get("averageScore").asDouble()).isEqualTo(average);
        }
    }
}
