package com.salesai.dashboard.calls;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The v2 fields of the list and the detail: attribution, team, skipped calls, review flags, verified evidence. */
@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallAttributionAndEvidenceApiTest {

    static final String ORG = "org-calls-v2";
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final String DATED = "&from=2026-11-01&to=2026-11-08";

    @LocalServerPort
    int port;
    @Autowired
    CallProjection projection;

    Api api;
    final String head = Tokens.token("boss", ORG, "head_of_sales");
    final String alice = Tokens.token("alice", ORG, "member");

    @BeforeAll
    void seed() {
        api = new Api(port);
        // r1: alice recorded (Enterprise), evaluated with one verified and two invented quotes, flagged
        // r2: bob recorded (SMB), evaluated
        // sh1: recorded by an outsider and shared with alice, skipped recorded_outside_org
        // sk1: alice recorded (Enterprise), skipped no_transcript
        projection.on(TestEvents.recorded("r1", ORG, "alice", "Alice Martin", "Discovery Stark", T0, "Enterprise",
                Attribution.RECORDER));
        projection.on(TestEvents.flagged(withEvidence(TestEvents.analyzed("r1", ORG, "alice", 50, Outcome.ADVANCED,
                0.5, T0.plusSeconds(7200))), CallAnalyzed.FLAG_POSSIBLE_PROMPT_INJECTION));
        projection.on(TestEvents.recorded("r2", ORG, "bob", "Bob Durand", "Demo Wayne", day(1), "SMB",
                Attribution.RECORDER));
        projection.on(TestEvents.analyzed("r2", ORG, "bob", 75, Outcome.WON, 0.4, day(1).plusSeconds(7200)));
        projection.on(TestEvents.recorded("sh1", ORG, "alice", "Carl Outsider", "Partner sync", day(2), null,
                Attribution.SHARED));
        projection.on(TestEvents.skipped("sh1", ORG, "alice", SkipReason.RECORDED_OUTSIDE_ORG,
                day(2).plusSeconds(60)));
        projection.on(TestEvents.recorded("sk1", ORG, "alice", "Alice Martin", "Empty call", day(3), "Enterprise",
                Attribution.RECORDER));
        projection.on(TestEvents.skipped("sk1", ORG, "alice", SkipReason.NO_TRANSCRIPT, day(3).plusSeconds(60)));
    }

    private static Instant day(int n) {
        return T0.plusSeconds(n * 86_400L);
    }

    /** Discovery supported by a verified quote (and an invented one); next steps unsupported, capped at 2. */
    private static CallAnalyzed withEvidence(CallAnalyzed a) {
        Evaluation e = a.evaluation();
        Evaluation evaluation = new Evaluation(List.of(
                new Evaluation.CriterionScore("discovery", "Découverte", 1.0, 4, true, List.of(
                        new Evaluation.Evidence("parlons budget", "00:00:00", true, 0),
                        new Evaluation.Evidence("Nous avons signé hier", "00:12:00", false, null))),
                new Evaluation.CriterionScore("next_steps", "Prochaines étapes", 1.0, 2, false, List.of(
                        new Evaluation.Evidence("On se revoit mardi", null, false, null)))),
                e.overallScore(), e.outcome(), e.summary(), e.strengths(), e.improvements(), e.nextSteps(), e.risks(),
                e.coaching(), e.language(), new Evaluation.Scorecard("default", 1), 1, 3);
        return new CallAnalyzed(1, a.eventId(), a.occurredAt(), a.callId(), a.orgId(), a.userId(), a.mode(),
                a.metrics(), evaluation, a.model(), "coach-v2", a.tokenUsage(), a.estimatedCostUsd(), false,
                a.analyzedAt(), null, List.of(), false, 1);
    }

    @Test
    void listItemsCarryAttributionTeamSkipReasonFlagsAndReviewed() {
        JsonNode page = api.getJson("/api/calls", head);

        assertThat(ids(page)).containsExactly("sk1", "sh1", "r2", "r1");
        JsonNode r1 = page.get("items").get(3);
        assertThat(r1.get("attribution").asString()).isEqualTo("recorder");
        assertThat(r1.get("team").asString()).isEqualTo("Enterprise");
        assertThat(r1.get("reviewFlags").get(0).asString()).isEqualTo("possible_prompt_injection");
        assertThat(r1.get("reviewed").asBoolean()).isFalse();
        assertThat(r1.get("skipReason").isNull()).isTrue();
        JsonNode sh1 = page.get("items").get(1);
        assertThat(sh1.get("status").asString()).isEqualTo("skipped");
        assertThat(sh1.get("skipReason").asString()).isEqualTo("recorded_outside_org");
        assertThat(sh1.get("attribution").asString()).isEqualTo("shared");
        assertThat(sh1.get("team").isNull()).isTrue();
        assertThat(sh1.get("overallScore").isNull()).isTrue();
        assertThat(sh1.get("reviewFlags").isEmpty()).isTrue();
        assertThat(api.getJson("/api/calls" + "?from=2026-11-01&to=2026-11-08", head))
                .as("the day buckets list the same items").isEqualTo(page);
    }

    @Test
    void filtersOnSkippedAttributionTeamAndReviewFlagFromRecordsAndFromDayBuckets() {
        for (String window : List.of("", DATED)) {
            assertThat(ids(api.getJson("/api/calls?status=skipped" + window, head))).containsExactly("sk1", "sh1");
            assertThat(ids(api.getJson("/api/calls?attribution=shared" + window, head))).containsExactly("sh1");
            assertThat(ids(api.getJson("/api/calls?attribution=recorder" + window, head)))
                    .containsExactly("sk1", "r2", "r1");
            assertThat(ids(api.getJson("/api/calls?team=Enterprise" + window, head))).containsExactly("sk1", "r1");
            assertThat(ids(api.getJson("/api/calls?team=SMB&attribution=recorder" + window, head)))
                    .containsExactly("r2");
            assertThat(ids(api.getJson("/api/calls?reviewFlag=possible_prompt_injection" + window, head)))
                    .containsExactly("r1");
            assertThat(api.getJson("/api/calls?reviewFlag=possible_prompt_injection" + window, head)
                    .get("totalItems").asLong()).isEqualTo(1);
            assertThat(ids(api.getJson("/api/calls?reviewFlag=other_flag" + window, head))).isEmpty();
        }
    }

    @Test
    void aMemberSeesTheCallSharedWithThem() {
        assertThat(ids(api.getJson("/api/calls?attribution=shared", alice))).containsExactly("sh1");
        assertThat(ids(api.getJson("/api/calls", alice))).containsExactly("sk1", "sh1", "r1");
    }

    @Test
    void detailCarriesVerifiedAndUnverifiedQuotesSupportScorecardAndTheCallsFathomFields() {
        JsonNode r1 = api.getJson("/api/calls/r1", alice);

        JsonNode evaluation = r1.get("evaluation");
        assertThat(evaluation.get("scorecard").get("name").asString()).isEqualTo("default");
        assertThat(evaluation.get("scorecard").get("version").asInt()).isEqualTo(1);
        assertThat(evaluation.get("quotesVerified").asInt()).isEqualTo(1);
        assertThat(evaluation.get("quotesTotal").asInt()).isEqualTo(3);
        JsonNode discovery = evaluation.get("scores").get(0);
        assertThat(discovery.get("criterion").asString()).isEqualTo("discovery");
        assertThat(discovery.get("label").asString()).isEqualTo("Découverte");
        assertThat(discovery.get("weight").asDouble()).isEqualTo(1.0);
        assertThat(discovery.get("supported").asBoolean()).isTrue();
        JsonNode verified = discovery.get("evidence").get(0);
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("segmentIndex").asInt()).isZero();
        assertThat(r1.get("transcript").get(verified.get("segmentIndex").asInt()).get("text").asString())
                .contains(verified.get("quote").asString());
        JsonNode invented = discovery.get("evidence").get(1);
        assertThat(invented.get("verified").asBoolean()).isFalse();
        assertThat(invented.get("segmentIndex").isNull()).isTrue();
        JsonNode nextSteps = evaluation.get("scores").get(1);
        assertThat(nextSteps.get("supported").asBoolean()).isFalse();
        assertThat(nextSteps.get("score").asInt()).isEqualTo(2);

        assertThat(r1.get("reviewFlags").get(0).asString()).isEqualTo("possible_prompt_injection");
        assertThat(r1.get("attribution").asString()).isEqualTo("recorder");
        assertThat(r1.get("team").asString()).isEqualTo("Enterprise");
        assertThat(r1.get("receivedBy").asString()).isEqualTo("alice");
        assertThat(r1.get("meetingType").asString()).isEqualTo("Sales call");
        assertThat(r1.get("url").asString()).isEqualTo("https://fathom.video/calls/c-r1");
        assertThat(r1.get("highlights").get(0).get("type").asString()).isEqualTo("Objection");
        assertThat(r1.get("highlights").get(0).get("startSeconds").asDouble()).isEqualTo(5.0);
        assertThat(r1.get("transcriptTruncated").asBoolean()).isFalse();
        assertThat(r1.get("analysis").get("promptVersion").asString()).isEqualTo("coach-v2");
        assertThat(r1.get("skipReason").isNull()).isTrue();
    }

    @Test
    void aSkippedCallSaysWhyAndKeepsItsMetricsWithoutEvaluation() {
        JsonNode sk1 = api.getJson("/api/calls/sk1", head);

        assertThat(sk1.get("status").asString()).isEqualTo("skipped");
        assertThat(sk1.get("skipReason").asString()).isEqualTo("no_transcript");
        assertThat(sk1.get("evaluation").isNull()).isTrue();
        assertThat(sk1.get("metrics").get("repTalkRatio").asDouble()).isEqualTo(0.3);
        assertThat(sk1.get("failureReason").isNull()).isTrue();
    }

    @Test
    void badV2FiltersAreProblemDetailsNamingTheParameter() {
        for (String[] bad : new String[][]{{"attribution=colleague", "attribution"},
                {"reviewFlag=DROP%20TABLE", "reviewFlag"}, {"status=erased", "status"}}) {
            var response = api.get("/api/calls?" + bad[0], head);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Api.json(response.body()).get("parameter").asString()).isEqualTo(bad[1]);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("callId").asString()));
        return ids;
    }
}
