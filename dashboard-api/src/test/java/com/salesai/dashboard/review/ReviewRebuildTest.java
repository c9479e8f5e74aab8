package com.salesai.dashboard.review;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardApplication;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.TestTopics;
import com.salesai.dashboard.Tokens;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Topics;
import com.salesai.testsupport.EmbeddedMongoInitializer;
import com.salesai.testsupport.InMemoryMongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model is rebuilt from the topics as when dashboard-api restarts on a dropped database: this test's instance
 * leaves the {@code dashboard} group, a second instance starts on an empty database, rewinds every topic and must hold
 * the review again, with its effective score counted in the summary, its criterion in the averages and the weakest
 * criterion, and as the rep's last review.
 */
@DashboardIntegrationTest
class ReviewRebuildTest {

    static final Instant STARTED = Instant.parse("2026-11-16T10:00:00Z");
    static final String DAY = "from=2026-11-16&to=2026-11-16";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void anInstanceRebuildingItsReadModelFromTheTopicsHoldsTheReviewAgain() {
        String org = "org-review-rebuild-" + UUID.randomUUID();
        String head = Tokens.token("hugo", org, "head_of_sales");
        TestTopics topics = new TestTopics(broker);
        topics.send(Topics.CALLS_RECORDED, "rb-1", TestEvents.recorded("rb-1", org, "alice", "Alice", "Démo",
                STARTED));
        topics.send(Topics.CALLS_ANALYZED, "rb-1", TestEvents.onFiveCriteria(TestEvents.analyzed("rb-1", org, "alice",
                55, Outcome.WON, 0.5, STARTED.plusSeconds(3600)), 55));
        Api running = new Api(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> running.get("/api/calls/rb-1", head).body()
                .contains("\"evaluated\""));
        assertThat(running.put("/api/calls/rb-1/review", head, ReviewFlowTest.RAISE_VALUE_PROPOSITION).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> running.getJson("/api/calls/rb-1", head).get("reviewed")
                .asBoolean());

        List<MessageListenerContainer> readModel = listeners.getListenerContainers().stream()
                .filter(container -> "dashboard".equals(container.getGroupId())).toList();
        assertThat(readModel).hasSize(5);
        readModel.forEach(MessageListenerContainer::stop);
        try (InMemoryMongoServer emptyDatabase = InMemoryMongoServer.start();
             ConfigurableApplicationContext rebuilt = start(emptyDatabase)) {
            Api api = new Api(((WebServerApplicationContext) rebuilt).getWebServer().getPort());

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var response = api.get("/api/calls/rb-1", head);
                return response.statusCode() == 200 && Api.json(response.body()).get("reviewed").asBoolean()
                        && "evaluated".equals(Api.json(response.body()).get("status").asString());
            });
            JsonNode detail = api.getJson("/api/calls/rb-1", head);
            assertThat(detail.get("review").get("scores").get(0).get("score").asInt()).isEqualTo(4);
            assertThat(detail.get("review").get("by").get("userId").asString()).isEqualTo("hugo");
            assertThat(detail.get("effectiveScore").asInt()).isEqualTo(65);
            // the day buckets are their own projection: they may catch up a moment after the call's record
            await().atMost(Duration.ofSeconds(30)).until(() -> api.getJson("/api/dashboard/summary?" + DAY, head)
                    .get("averageScore").asDouble() == 65.0);
            JsonNode summary = api.getJson("/api/dashboard/summary?" + DAY, head);
            // value_proposition reviewed 2 → 4: objection_handling (2) alone is the weakest
            assertThat(summary.get("reps").get(0).get("weakestCriterion").get("key").asString())
                    .isEqualTo("objection_handling");
            JsonNode own = api.getJson("/api/dashboard/summary?" + DAY, Tokens.token("alice", org, "member"));
            assertThat(own.get("criteria").get(4).get("key").asString()).isEqualTo("value_proposition");
            assertThat(own.get("criteria").get(4).get("averageScore").asDouble()).isEqualTo(4.0);
            assertThat(own.get("criteria").get(4).get("orgAverageScore").asDouble()).isEqualTo(4.0);
            assertThat(own.get("lastReview").get("callId").asString()).isEqualTo("rb-1");
            assertThat(own.get("teams").get(0).get("averageScore").asDouble()).isEqualTo(65.0);
        } finally {
            readModel.forEach(MessageListenerContainer::start);
        }
    }

    /** As the local stack starts it: arguments, which outrank application.yml (default properties would not). */
    private ConfigurableApplicationContext start(InMemoryMongoServer database) {
        return new SpringApplicationBuilder(DashboardApplication.class).profiles(EmbeddedMongoInitializer.PROFILE)
                .run("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + database.uri(), "--server.port=0", "--management.server.port=0",
                        "--app.auth.dev-secret=" + Tokens.SECRET, "--app.kafka.topics.calls-partitions=1",
                        "--app.kafka.retry.initial-interval=50ms", "--app.kafka.retry.attempts=2");
    }
}
