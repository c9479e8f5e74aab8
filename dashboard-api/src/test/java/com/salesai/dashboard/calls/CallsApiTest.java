package com.salesai.dashboard.calls;

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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallsApiTest {

    static final String ORG = "org-calls";
    static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

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
        // alice: a1 (score 80 won, day 0), a2 (score 40 lost, day 1), a3 pending (day 2, "Renewal [VIP]")
        // bob:   b1 (score 60 advanced, day 3), b2 failed (day 4)
        // other org: x1 (score 99 won)
        record("a1", "alice", "Alice Martin", "Discovery Globex", 0);
        projection.on(TestEvents.analyzed("a1", ORG, "alice", 80, Outcome.WON, 0.5, T0.plusSeconds(99_000)));
        record("a2", "alice", "Alice Martin", "Démo Initech", 1);
        projection.on(TestEvents.analyzed("a2", ORG, "alice", 40, Outcome.LOST, 0.7, T0.plusSeconds(199_000)));
        record("a3", "alice", "Alice Martin", "Renewal [VIP] (Q4)", 2);
        record("b1", "bob", "Bob Durand", "Discovery Umbrella", 3);
        projection.on(TestEvents.analyzed("b1", ORG, "bob", 60, Outcome.ADVANCED, 0.6, T0.plusSeconds(399_000)));
        record("b2", "bob", "Bob Durand", "Suivi Hooli", 4);
        projection.on(TestEvents.failed("b2", ORG, "bob", T0.plusSeconds(499_000)));
        projection.on(TestEvents.recorded("x1", "org-other", "xavier", "Xavier", "Discovery Globex", T0));
        projection.on(TestEvents.analyzed("x1", "org-other", "xavier", 99, Outcome.WON, 0.5, T0.plusSeconds(9000)));
        // analysis only, no recording yet: still visible to its owner
        projection.on(TestEvents.analyzed("a4", ORG, "alice", 70, Outcome.STALLED, 0.5, T0.plusSeconds(9000)));
    }

    private void record(String callId, String userId, String name, String title, int day) {
        projection.on(TestEvents.recorded(callId, ORG, userId, name, title, T0.plusSeconds(day * 86_400L)));
    }

    @Test
    void headOfSalesSeesWholeOrgNewestFirstWithoutTranscripts() {
        JsonNode page = api.getJson("/api/calls", head);

        assertThat(ids(page)).containsExactly("b2", "b1", "a3", "a2", "a1", "a4");
        assertThat(page.get("totalItems").asLong()).isEqualTo(6);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        JsonNode b1 = page.get("items").get(1);
        assertThat(b1.get("repName").asString()).isEqualTo("Bob Durand");
        assertThat(b1.get("overallScore").asInt()).isEqualTo(60);
        assertThat(b1.get("outcome").asString()).isEqualTo("advanced");
        assertThat(b1.get("status").asString()).isEqualTo("evaluated");
        assertThat(b1.get("source").asString()).isEqualTo("webhook");
        assertThat(b1.get("externalInviteeCount").asInt()).isEqualTo(1);
        assertThat(b1.get("durationSeconds").asInt()).isEqualTo(1800);
        assertThat(b1.get("startedAt").asString()).isEqualTo("2026-10-08T09:00:00Z");
        assertThat(b1.has("transcript")).isFalse();
    }

    @Test
    void memberSeesOnlyOwnCallsEvenWhenFilteringAnotherUser() {
        assertThat(ids(api.getJson("/api/calls", alice))).containsExactly("a3", "a2", "a1", "a4");
        assertThat(ids(api.getJson("/api/calls?userId=bob", alice))).isEmpty();
    }

    @Test
    void filtersByStatusOutcomeUserScoreAndDates() {
        assertThat(ids(api.getJson("/api/calls?status=failed", head))).containsExactly("b2");
        assertThat(ids(api.getJson("/api/calls?status=pending", head))).containsExactly("a3");
        assertThat(ids(api.getJson("/api/calls?outcome=lost", head))).containsExactly("a2");
        assertThat(ids(api.getJson("/api/calls?userId=bob", head))).containsExactly("b2", "b1");
        assertThat(ids(api.getJson("/api/calls?minScore=60", head))).containsExactly("b1", "a1", "a4");
        assertThat(ids(api.getJson("/api/calls?from=2026-10-06&to=2026-10-08", head)))
                .containsExactly("b1", "a3", "a2");
    }

    @Test
    void searchesTitleAndParticipantsCaseInsensitivelyAndLiterally() {
        assertThat(ids(api.getJson("/api/calls?q=discovery", head))).containsExactly("b1", "a1");
        assertThat(ids(api.getJson("/api/calls?q=%5BVIP%5D", head))).containsExactly("a3");
        assertThat(ids(api.getJson("/api/calls?q=.*", head))).isEmpty();
        assertThat(ids(api.getJson("/api/calls?q=BOB@ACME", head))).containsExactly("b2", "b1");
        assertThat(ids(api.getJson("/api/calls?q=claire%40customer", head))).hasSize(5);
    }

    @Test
    void sortsByScoreAndPages() {
        assertThat(ids(api.getJson("/api/calls?sort=overallScore,desc&status=evaluated", head)))
                .containsExactly("a1", "a4", "b1", "a2");
        assertThat(ids(api.getJson("/api/calls?sort=overallScore,asc&status=evaluated", head)))
                .containsExactly("a2", "b1", "a4", "a1");
        assertThat(ids(api.getJson("/api/calls?sort=startedAt,asc&userId=alice", head)))
                .containsExactly("a4", "a1", "a2", "a3");

        JsonNode second = api.getJson("/api/calls?size=4&page=1", head);
        assertThat(ids(second)).containsExactly("a1", "a4");
        assertThat(second.get("totalItems").asLong()).isEqualTo(6);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void detailHasTranscriptEvaluationAndAnalysis() {
        JsonNode a1 = api.getJson("/api/calls/a1", alice);

        assertThat(a1.get("title").asString()).isEqualTo("Discovery Globex");
        assertThat(a1.get("transcript").get(0).get("text").asString()).isEqualTo("Bonjour, parlons budget.");
        assertThat(a1.get("participants").get(1).get("email").asString()).isEqualTo("claire@customer.test");
        assertThat(a1.get("actionItems").get(0).get("description").asString()).isEqualTo("Envoyer le devis");
        assertThat(a1.get("summaryMarkdown").asString()).startsWith("## Résumé");
        assertThat(a1.get("shareUrl").asString()).isEqualTo("https://fathom.video/share/a1");
        assertThat(a1.get("metrics").get("repTalkRatio").asDouble()).isEqualTo(0.5);
        JsonNode evaluation = a1.get("evaluation");
        assertThat(evaluation.get("overallScore").asInt()).isEqualTo(80);
        assertThat(evaluation.get("outcome").asString()).isEqualTo("won");
        assertThat(evaluation.get("scores").get(0).get("criterion").asString()).isEqualTo("discovery");
        assertThat(evaluation.get("scores").get(0).get("evidence").get(0).get("timestamp").asString())
                .isEqualTo("00:00:00");
        assertThat(evaluation.get("nextSteps").get(0).get("owner").asString()).isEqualTo("rep");
        assertThat(evaluation.get("coaching").asString()).contains("questions ouvertes");
        assertThat(a1.get("analysis").get("mode").asString()).isEqualTo("llm");
        assertThat(a1.get("analysis").get("model").asString()).isEqualTo("gpt-5-mini");
        assertThat(a1.get("failureReason").isNull()).isTrue();

        assertThat(api.getJson("/api/calls/b2", head).get("failureReason").asString())
                .isEqualTo("OpenAI 429 after retries");
        assertThat(api.getJson("/api/calls/a4", alice).get("status").asString()).isEqualTo("evaluated");
    }

    @Test
    void callsOutsideScopeAreNotFound() {
        assertThat(api.get("/api/calls/b1", alice).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/calls/x1", head).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/calls/missing", head).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/calls/b1", head).statusCode()).isEqualTo(200);
    }

    @Test
    void badParametersAreProblemDetailsNamingTheParameter() {
        assertBad("/api/calls?status=done", "status");
        assertBad("/api/calls?outcome=maybe", "outcome");
        assertBad("/api/calls?from=yesterday", "from");
        assertBad("/api/calls?from=2026-10-09&to=2026-10-01", "from");
        assertBad("/api/calls?size=101", "size");
        assertBad("/api/calls?page=-1", "page");
        assertBad("/api/calls?minScore=101", "minScore");
        assertBad("/api/calls?sort=title", "sort");
    }

    @Test
    void withoutTokenIs401() {
        assertThat(api.get("/api/calls", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/calls/a1", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/calls", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    private void assertBad(String path, String parameter) {
        var response = api.get(path, head);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response.body());
        assertThat(problem.get("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).contains(parameter);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("callId").asString()));
        return ids;
    }
}
