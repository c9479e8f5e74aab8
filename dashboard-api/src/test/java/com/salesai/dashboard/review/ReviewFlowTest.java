package com.salesai.dashboard.review;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.TestTopics;
import com.salesai.dashboard.Tokens;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PUT /api/calls/{callId}/review → calls.reviewed → the read model → detail, list and summary: the reviewed score
 * is the one that counts, the AI's stays visible; who may review; a review before its analysis; erasure tombstones
 * it.
 */
@DashboardIntegrationTest
class ReviewFlowTest {

    static final Instant WEEK_1 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant WEEK_2 = Instant.parse("2026-11-10T10:00:00Z");
    static final String PERIOD = "from=2026-11-02&to=2026-11-15";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** value_proposition 2 → 4 on a call scored 4, 3, 2, 2, 5: overall 55 → 65. */
    static final String RAISE_VALUE_PROPOSITION = "{\"scores\":[{\"criterion\":\"value_proposition\",\"score\":4,"
            + "\"comment\":\"Le ROI était chiffré\"}],\"note\":\"Très bon appel, chiffrez plus tôt\"}";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aHeadOfSalesChangesOneCriterionAndTheCallsScoreTheRepsAverageAndTheWeekMoveWithIt() throws Exception {
        String org = "org-review-" + UUID.randomUUID();
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        evaluatedCall(org, "rv-1", "alice", WEEK_1);
        evaluatedCall(org, "rv-2", "alice", WEEK_2);
        await().atMost(WAIT).until(() -> api.getJson("/api/dashboard/summary?" + PERIOD, head)
                .get("evaluatedCalls").asLong() == 2);
        JsonNode before = api.getJson("/api/dashboard/summary?" + PERIOD, head);
        assertThat(before.get("averageScore").asDouble()).isEqualTo(55.0);
        assertThat(before.get("reps").get(0).get("averageScore").asDouble()).isEqualTo(55.0);

        var answer = api.put("/api/calls/rv-1/review", head, RAISE_VALUE_PROPOSITION);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Api.json(answer.body()).get("effectiveScore").asInt()).isEqualTo(65);
        await().atMost(WAIT).until(() -> api.getJson("/api/calls/rv-1", head).get("reviewed").asBoolean());
        JsonNode detail = api.getJson("/api/calls/rv-1", head);
        assertThat(detail.get("effectiveScore").asInt()).isEqualTo(65);
        assertThat(detail.get("overallScore").asInt()).as("the AI's").isEqualTo(55);
        assertThat(detail.get("evaluation").get("scores").get(2).get("score").asInt()).as("the AI's").isEqualTo(2);
        JsonNode review = detail.get("review");
        assertThat(review.get("by").get("userId").asString()).isEqualTo("hugo");
        assertThat(review.get("scores").get(0).get("criterion").asString()).isEqualTo("value_proposition");
        assertThat(review.get("scores").get(0).get("score").asInt()).isEqualTo(4);
        assertThat(review.get("scores").get(0).get("comment").asString()).isEqualTo("Le ROI était chiffré");
        assertThat(review.get("note").asString()).isEqualTo("Très bon appel, chiffrez plus tôt");
        assertThat(review.get("effectiveScore").asInt()).isEqualTo(65);

        JsonNode after = api.getJson("/api/dashboard/summary?" + PERIOD, head);
        assertThat(after.get("averageScore").asDouble()).isEqualTo(60.0);
        assertThat(after.get("reps").get(0).get("averageScore").asDouble()).isEqualTo(60.0);
        assertThat(after.get("weekly").get(0).get("averageScore").asDouble()).isEqualTo(65.0);
        assertThat(after.get("weekly").get(1).get("averageScore").asDouble()).isEqualTo(55.0);
        JsonNode item = api.getJson("/api/calls?" + PERIOD + "&minScore=60", head).get("items");
        assertThat(item).hasSize(1);
        assertThat(item.get(0).get("callId").asString()).isEqualTo("rv-1");
        assertThat(item.get(0).get("reviewed").asBoolean()).isTrue();
        assertThat(item.get(0).get("effectiveScore").asInt()).isEqualTo(65);
        assertThat(item.get(0).get("overallScore").asInt()).isEqualTo(55);
        assertThat(ids(api.getJson("/api/calls?minScore=60&userId=alice", head))).as("the records' path")
                .containsExactly("rv-1");
        assertThat(ids(api.getJson("/api/calls?sort=effectiveScore,asc", head))).containsExactly("rv-2", "rv-1");

        ConsumerRecord<String, byte[]> published = new TestTopics(broker).records(Topics.CALLS_REVIEWED, "rv-1").get(0);
        CallReviewed event = EventJson.mapper().readValue(published.value(), CallReviewed.class);
        assertThat(event.orgId()).isEqualTo(org);
        assertThat(event.reviewedBy().name()).isEqualTo("User hugo");
        assertThat(event.scores()).containsExactly(new CallReviewed.ReviewedScore("value_proposition", 4,
                "Le ROI était chiffré"));
    }

    @Test
    void onlyTheOrganizationsHeadsOfSalesAndAdminsReviewAndOnlyEvaluatedCalls() {
        String org = "org-review-who-" + UUID.randomUUID();
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        evaluatedCall(org, "rw-1", "alice", WEEK_1);
        new TestTopics(broker).send(Topics.CALLS_RECORDED, "rw-pending",
                TestEvents.recorded("rw-pending", org, "alice", "Alice", "En attente", WEEK_1));
        await().atMost(WAIT).until(() -> api.getJson("/api/calls?userId=alice", head).get("totalItems").asLong() == 2
                && api.get("/api/calls/rw-1", head).body().contains("\"evaluated\""));

        assertThat(api.put("/api/calls/rw-1/review", Tokens.token("alice", org, "member"),
                RAISE_VALUE_PROPOSITION).statusCode()).as("a member, their own call").isEqualTo(403);
        assertThat(api.put("/api/calls/rw-1/review", Tokens.token("bruno", org, "member"),
                RAISE_VALUE_PROPOSITION).statusCode()).as("a member, another's call").isEqualTo(404);
        assertThat(api.put("/api/calls/rw-1/review", Tokens.token("olga", "org-globex", "head_of_sales"),
                RAISE_VALUE_PROPOSITION).statusCode()).as("another organization's head of sales").isEqualTo(404);
        assertThat(api.put("/api/calls/no-such-call/review", head, RAISE_VALUE_PROPOSITION).statusCode())
                .isEqualTo(404);
        var pending = api.put("/api/calls/rw-pending/review", head, RAISE_VALUE_PROPOSITION);
        assertThat(pending.statusCode()).isEqualTo(409);
        assertThat(Api.json(pending.body()).get("type").asString()).isEqualTo("urn:problem:call-not-evaluated");
        assertThat(new TestTopics(broker).records(Topics.CALLS_REVIEWED, "rw-1")).as("nothing published").isEmpty();
        assertThat(api.put("/api/calls/rw-1/review", Tokens.token("ada", org, "admin"), RAISE_VALUE_PROPOSITION)
                .statusCode()).as("an admin").isEqualTo(202);
    }

    @Test
    void aReviewArrivingBeforeItsCallIsKeptAndANewerOneReplacesIt() {
        String org = "org-review-early-" + UUID.randomUUID();
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        TestTopics topics = new TestTopics(broker);
        topics.send(Topics.CALLS_REVIEWED, "re-1", TestEvents.reviewed("re-1", org, "hugo", WEEK_1.plusSeconds(9000),
                "Premier avis", "discovery", 1));
        topics.send(Topics.CALLS_REVIEWED, "re-1", TestEvents.reviewed("re-1", org, "hugo", WEEK_1.plusSeconds(8000),
                "Plus ancien", "discovery", 5));
        evaluatedCall(org, "re-1", "alice", WEEK_1);

        await().atMost(WAIT).until(() -> {
            var response = api.get("/api/calls/re-1", head);
            return response.statusCode() == 200 && Api.json(response.body()).get("status").asString()
                    .equals("evaluated") && !Api.json(response.body()).get("title").isNull();
        });
        JsonNode detail = api.getJson("/api/calls/re-1", head);
        assertThat(detail.get("review").get("note").asString()).as("the newer review").isEqualTo("Premier avis");
        // discovery 4 → 1: 100 × (0 + 2 + 1 + 1 + 4) / 20
        assertThat(detail.get("effectiveScore").asInt()).isEqualTo(40);
    }

    @Test
    void erasingAReviewedCallTombstonesItsReviewAndALaterReviewBringsNothingBack() {
        String org = "org-review-erase-" + UUID.randomUUID();
        Api api = new Api(port);
        String head = Tokens.token("hugo", org, "head_of_sales");
        TestTopics topics = new TestTopics(broker);
        evaluatedCall(org, "rx-1", "alice", WEEK_1);
        await().atMost(WAIT).until(() -> api.get("/api/calls/rx-1", head).body().contains("\"evaluated\""));
        assertThat(api.put("/api/calls/rx-1/review", head, RAISE_VALUE_PROPOSITION).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.getJson("/api/calls/rx-1", head).get("reviewed").asBoolean());

        assertThat(api.delete("/api/calls/rx-1", head).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> api.get("/api/calls/rx-1", head).statusCode() == 404);
        await().atMost(WAIT).until(() -> {
            List<ConsumerRecord<String, byte[]>> records = topics.records(Topics.CALLS_REVIEWED, "rx-1");
            return !records.isEmpty() && records.get(records.size() - 1).value() == null;
        });
        topics.send(Topics.CALLS_REVIEWED, "rx-1", TestEvents.reviewed("rx-1", org, "hugo", Instant.now(), "Tard"));
        topics.send(Topics.CALLS_RECORDED, "rx-after", TestEvents.recorded("rx-after", org, "alice", "Alice",
                "Après", WEEK_1));
        await().atMost(WAIT).until(() -> api.get("/api/calls/rx-after", head).statusCode() == 200);
        assertThat(api.get("/api/calls/rx-1", head).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/calls/rx-1/review", head, RAISE_VALUE_PROPOSITION).statusCode()).isEqualTo(404);
    }

    /** Recorded and analyzed through their topics, scored 4, 3, 2, 2, 5: overall 55. */
    private void evaluatedCall(String org, String callId, String userId, Instant startedAt) {
        TestTopics topics = new TestTopics(broker);
        topics.send(Topics.CALLS_RECORDED, callId, TestEvents.recorded(callId, org, userId, "Alice Martin",
                "Découverte " + callId, startedAt));
        topics.send(Topics.CALLS_ANALYZED, callId, TestEvents.onFiveCriteria(TestEvents.analyzed(callId, org, userId,
                55, Outcome.ADVANCED, 0.5, startedAt.plusSeconds(3600)), 55));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("callId").asString()));
        return ids;
    }
}
