package com.salesai.dashboard.stream;

import com.salesai.dashboard.Api;
import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.dashboard.Tokens;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.dashboard.projection.CallStatusChanged;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DashboardIntegrationTest
class CallStatusStreamTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final int MAX_PER_USER = 5; // StreamProperties' default
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    CallProjection projection;
    @Autowired
    KafkaTemplate<String, CallStatusChanged> broadcast;

    @Test
    void subscribersReceiveStatusChangesOnlyWithinTheirScope() throws Exception {
        try (SseClient alice = new SseClient(port, Tokens.token("alice", "org-sse", "member"));
             SseClient head = new SseClient(port, Tokens.token("boss", "org-sse", "head_of_sales"));
             SseClient stranger = new SseClient(port, Tokens.token("olga", "org-sse-other", "admin"))) {
            for (SseClient client : new SseClient[]{alice, head, stranger}) {
                assertThat(client.next("status:", WAIT)).isEqualTo("status:200");
                assertThat(client.next(":connected", WAIT)).isNotNull();
            }

            projection.on(TestEvents.recorded("sse-bob", "org-sse", "bob", "Bob", "Bob's call", T0));
            projection.on(TestEvents.recorded("sse-alice", "org-sse", "alice", "Alice", "Démo Globex", T0));
            projection.on(TestEvents.analyzed("sse-alice", "org-sse", "alice", 77, Outcome.WON, 0.5,
                    T0.plusSeconds(3600)));
            projection.on(TestEvents.recorded("sse-olga", "org-sse-other", "olga", "Olga", "Olga's call", T0));

            // alice: her own pending then evaluated, never bob's call
            JsonNode pending = data(alice);
            assertThat(pending.get("callId").asString()).isEqualTo("sse-alice");
            assertThat(pending.get("status").asString()).isEqualTo("pending");
            JsonNode evaluated = data(alice);
            assertThat(evaluated.get("callId").asString()).isEqualTo("sse-alice");
            assertThat(evaluated.get("status").asString()).isEqualTo("evaluated");
            assertThat(evaluated.get("overallScore").asInt()).isEqualTo(77);
            assertThat(evaluated.get("outcome").asString()).isEqualTo("won");
            assertThat(evaluated.get("userId").asString()).isEqualTo("alice");
            assertThat(evaluated.get("title").asString()).isEqualTo("Démo Globex");

            // head of sales: the whole org, in order
            assertThat(data(head).get("callId").asString()).isEqualTo("sse-bob");
            assertThat(data(head).get("callId").asString()).isEqualTo("sse-alice");
            assertThat(data(head).get("status").asString()).isEqualTo("evaluated");

            // the other org's admin sees its own call first: nothing of org-sse came before it
            assertThat(stranger.next("event:", WAIT)).isEqualTo("event:call-status");
            assertThat(data(stranger).get("callId").asString()).isEqualTo("sse-olga");

            // heartbeats keep flowing (1 s in tests)
            assertThat(head.next(":heartbeat", WAIT)).isNotNull();
        }
    }

    @Test
    void changesAppliedByAnotherInstanceReachThisInstancesSubscribers() throws Exception {
        try (SseClient head = new SseClient(port, Tokens.token("carla", "org-elsewhere", "head_of_sales"))) {
            assertThat(head.next("status:", WAIT)).isEqualTo("status:200");
            assertThat(head.next(":connected", WAIT)).isNotNull();

            // what the broadcaster of another dashboard instance sends after applying a call of its partitions
            broadcast.send(StatusBroadcastConfig.TOPIC, "sse-elsewhere", new CallStatusChanged("sse-elsewhere",
                    "org-elsewhere", "dan", "evaluated", 64, "advanced", "Dan's call")).get();

            JsonNode change = data(head);
            assertThat(change.get("callId").asString()).isEqualTo("sse-elsewhere");
            assertThat(change.get("status").asString()).isEqualTo("evaluated");
            assertThat(change.get("overallScore").asInt()).isEqualTo(64);
            assertThat(change.get("userId").asString()).isEqualTo("dan");
        }
    }

    @Test
    void oneUserPastTheLimitIsRefusedWith429WhileOthersConnect() throws Exception {
        String bruno = Tokens.token("bruno-tabs", "org-limits", "member");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_USER; i++) {
                SseClient tab = new SseClient(port, bruno);
                open.add(tab);
                assertThat(tab.next("status:", WAIT)).isEqualTo("status:200");
                assertThat(tab.next(":connected", WAIT)).isNotNull();
            }
            try (SseClient extra = new SseClient(port, bruno);
                 SseClient colleague = new SseClient(port, Tokens.token("carla-tab", "org-limits", "member"))) {
                assertThat(extra.next("status:", WAIT)).isEqualTo("status:429");
                assertThat(extra.next("content-type:", WAIT)).startsWith("content-type:application/problem+json");
                assertThat(extra.next("retry-after:", WAIT)).isEqualTo("retry-after:30");
                assertThat(Api.json(extra.next("{", WAIT)).get("limit").asString()).isEqualTo("user");
                assertThat(colleague.next("status:", WAIT)).isEqualTo("status:200");
            }

            // a closed tab frees its place once the server notices (at the next heartbeat, 1 s in tests)
            open.remove(0).close();
            Instant deadline = Instant.now().plus(WAIT);
            String status;
            do {
                try (SseClient again = new SseClient(port, bruno)) {
                    status = again.next("status:", WAIT);
                }
            } while (!"status:200".equals(status) && Instant.now().isBefore(deadline));
            assertThat(status).isEqualTo("status:200");
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void theStreamEndsWhenItsTokenExpiresSoTheClientReconnectsWithARenewedOne() throws Exception {
        try (SseClient shortLived = new SseClient(port,
                Tokens.token("dora", "org-expiry", "head_of_sales", Duration.ofSeconds(2)))) {
            assertThat(shortLived.next("status:", WAIT)).isEqualTo("status:200");
            assertThat(shortLived.next(":connected", WAIT)).isNotNull();
            assertThat(shortLived.next(SseClient.END, WAIT)).as("ended at the token's expiry").isNotNull();
        }
    }

    @Test
    void streamNeedsAToken() {
        assertThat(new Api(port).get("/api/calls/stream", null).statusCode()).isEqualTo(401);
    }

    private static JsonNode data(SseClient client) throws InterruptedException {
        String line = client.next("data:", WAIT);
        assertThat(line).as("a call-status data line within " + WAIT).isNotNull();
        return Api.json(line.substring("data:".length()));
    }
}
