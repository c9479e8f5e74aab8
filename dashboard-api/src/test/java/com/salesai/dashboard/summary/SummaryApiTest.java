package com.salesai.dashboard.summary;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Outcome;
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

    @LocalServerPort
    int port;
    @Autowired
    CallProjection projection;
    Api api;
    final String head = Tokens.token("boss", ORG, "admin");
    final String alice = Tokens.token("alice", ORG, "member");

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
