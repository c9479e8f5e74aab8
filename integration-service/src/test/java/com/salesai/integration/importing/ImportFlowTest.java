package com.salesai.integration.importing;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.salesai.integration.Api;
import com.salesai.integration.FathomRateLimits;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.KafkaProbe;
import com.salesai.integration.Tokens;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ImportFlowTest extends IntegrationTestBase {
    private static final String IMPORT = "/api/integrations/fathom/import";

    @Autowired
    EmbeddedKafkaBroker broker;

    private final String userId = "importer-" + UUID.randomUUID();
    private final String token = Tokens.forUser(userId, "org-imp");
    private final String apiKey = "import-key-" + UUID.randomUUID();

    private void connect() {
        FathomStub.meetings(FATHOM, apiKey, 60);
        FathomStub.webhookCreated(FATHOM, apiKey, "wh_imp", "whsec_aW1wb3J0LXNlY3JldC1pbXBvcnQt");
        assertThat(api().call("PUT", "/api/integrations/fathom", token, "{\"apiKey\":\"" + apiKey + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void importsFiftyOfSixtyMeetingsOnceAcrossA429AndSkipsThemNextTime() {
        connect();
        // Page 2 is rate limited once: the client waits what Retry-After says and goes on.
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .withQueryParam("cursor", equalTo("p2")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("served"));

        JsonNode first = awaitFinished(start("{\"maxMeetings\":50}"));

        assertThat(first.path("status").asString()).isEqualTo("completed");
        assertThat(first.path("requested").asInt()).isEqualTo(50);
        assertThat(first.path("imported").asInt()).isEqualTo(50);
        assertThat(first.path("skippedDuplicates").asInt()).isZero();
        assertThat(first.path("failed").asInt()).isZero();
        List<JsonNode> calls = publishedCalls();
        assertThat(calls).hasSize(50);
        Set<String> callIds = calls.stream().map(c -> c.path("callId").asString()).collect(Collectors.toSet());
        assertThat(callIds).hasSize(50);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.path("source").asString()).isEqualTo("import");
            assertThat(call.path("orgId").asString()).isEqualTo("org-imp");
            assertThat(call.path("sourceFormat").asString()).isEqualTo("fathom-meeting");
            assertThat(call.path("transcript").size()).isEqualTo(2);
        });

        JsonNode second = awaitFinished(start("{}"));

        assertThat(second.path("status").asString()).isEqualTo("completed");
        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("skippedDuplicates").asInt()).isEqualTo(50);
        assertThat(publishedCalls()).hasSize(50);
        JsonNode lastImport = api().call("GET", "/api/integrations/fathom", token, null).json().path("lastImport");
        assertThat(lastImport.path("skippedDuplicates").asInt()).isEqualTo(50);
    }

    @Test
    void fortyMeetingsUnderTheHeavyLimitLoweredFrom30To5ArriveOnceWithTheClientPacingItself() {
        connect();
        // Pages of 2 so that 40 meetings take 20 heavy requests; windows of 3 s stand for Fathom's 60 s: 10 in the
        // first, the lowered 5 in each of the next two (the client waits for the third on RateLimit-Remaining 0).
        FathomStub.meetings(FATHOM, apiKey, 40, 2, FathomRateLimits.NAME);
        HEAVY_LIMIT.reset(Duration.ofSeconds(3), 30, 10, 5);

        JsonNode job = awaitFinished(start("{\"maxMeetings\":50}"), Duration.ofSeconds(60));

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asInt()).isEqualTo(40);
        assertThat(job.path("failed").asInt()).isZero();
        List<JsonNode> calls = publishedCalls();
        assertThat(calls).hasSize(40);
        assertThat(calls.stream().map(c -> c.path("fathomRecordingId").asString()).collect(Collectors.toSet()))
                .hasSize(40);
        assertThat(HEAVY_LIMIT.served()).isEqualTo(20);
        // Only the request right after Fathom lowered its limit can meet a 429; after it, Remaining/Reset pace us.
        System.out.println("429s served by the heavy limit during the import of 40: " + HEAVY_LIMIT.rateLimited());
        assertThat(HEAVY_LIMIT.rateLimited()).isLessThanOrEqualTo(1);
    }

    @Test
    void importedCallsAreCreditedToTheOrgMemberWhoRecordedThemAndOneRecordingIsOneCallPerOrg() {
        String org = "org-att-" + UUID.randomUUID();
        Member alice = new Member("alice-" + UUID.randomUUID(), org);
        Member bruno = new Member("bruno-" + UUID.randomUUID(), org);
        Member olga = new Member("olga-" + UUID.randomUUID(), "org-other-" + UUID.randomUUID());
        long brunos = 777_000_000L + Math.abs(org.hashCode() % 1000);
        String shared = FathomStub.meetingJson(brunos, 1, "Bruno@Acme.com", "2025-03-05T09:00:00Z");
        alice.connect("alice@acme.com", List.of(
                FathomStub.meetingJson(brunos + 1, 0, "alice@acme.com", "2025-03-05T10:00:00Z"), shared,
                FathomStub.meetingJson(brunos + 2, 2, "someone@outside.example", "2025-03-05T08:00:00Z")));
        bruno.connect("bruno@acme.com", List.of(shared));
        olga.connect("olga@globex.example", List.of(shared));

        JsonNode first = alice.awaitImport();
        JsonNode second = bruno.awaitImport();
        JsonNode otherOrg = olga.awaitImport();

        assertThat(first.path("imported").asInt()).isEqualTo(3);
        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("skippedDuplicates").asInt()).isEqualTo(1);
        assertThat(otherOrg.path("imported").asInt()).isEqualTo(1);
        List<JsonNode> calls = KafkaProbe.readAll(broker, Topics.CALLS_RECORDED).stream().map(ConsumerRecord::value)
                .map(Api::json).filter(call -> org.equals(call.path("orgId").asString())).toList();
        assertThat(calls).extracting(c -> c.path("fathomRecordingId").asString() + " " + c.path("userId").asString()
                        + " " + c.path("attribution").asString() + " " + c.path("receivedBy").asString())
                .containsExactlyInAnyOrder(
                        (brunos + 1) + " " + alice.userId + " recorder " + alice.userId,
                        brunos + " " + bruno.userId + " recorder " + alice.userId,
                        (brunos + 2) + " " + alice.userId + " shared " + alice.userId);
    }

    /** A member of an org with a connected key listing {@code meetings}. */
    private final class Member {
        final String userId;
        final String token;
        final String key;

        Member(String userId, String orgId) {
            this.userId = userId;
            this.token = Tokens.forUser(userId, orgId);
            this.key = "key-" + userId;
        }

        void connect(String fathomEmail, List<String> meetings) {
            FathomStub.pages(FATHOM, key, meetings, FathomStub.PAGE_SIZE, null);
            FathomStub.webhookCreated(FATHOM, key, "wh-" + userId, "whsec_bWVtYmVyLXNlY3JldC1tZW1iZXIt");
            assertThat(api().call("PUT", "/api/integrations/fathom", token,
                    "{\"apiKey\":\"" + key + "\",\"fathomEmail\":\"" + fathomEmail + "\"}").status()).isEqualTo(200);
        }

        JsonNode awaitImport() {
            Api.Response started = api().call("POST", IMPORT, token, "{}");
            assertThat(started.status()).isEqualTo(202);
            return awaitFinished(started.json().path("jobId").asString(), token, Duration.ofSeconds(30));
        }
    }

    @Test
    void oneRunningImportPerUserAndJobsArePrivate() {
        connect();
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .withQueryParam("include_transcript", equalTo("true"))
                .willReturn(okJson("{\"items\":[],\"next_cursor\":null}").withFixedDelay(1500)));

        String jobId = start("{\"maxMeetings\":5}");
        Api.Response concurrent = api().call("POST", IMPORT, token, "{\"maxMeetings\":5}");
        Api.Response foreign = api().call("GET", IMPORT + "/" + jobId,
                Tokens.forUser("intruder-" + UUID.randomUUID(), "org-imp"), null);
        Api.Response running = api().call("GET", IMPORT + "/" + jobId, token, null);

        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.contentType()).contains("application/problem+json");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(running.json().path("status").asString()).isEqualTo("running");
        assertThat(awaitFinished(jobId).path("status").asString()).isEqualTo("completed");
        assertThat(api().call("POST", IMPORT, token, "{\"maxMeetings\":1}").status()).isEqualTo(202);
    }

    @Test
    void maxMeetingsOutsideOneToFiftyIsABadRequest() {
        assertThat(api().call("POST", IMPORT, token, "{\"maxMeetings\":0}").status()).isEqualTo(400);
        Api.Response tooMany = api().call("POST", IMPORT, token, "{\"maxMeetings\":51}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).contains("application/problem+json");
    }

    @Test
    void importingWithoutAnIntegrationIsNotFound() {
        assertThat(api().call("POST", IMPORT, token, "{}").status()).isEqualTo(404);
    }

    private String start(String body) {
        Api.Response started = api().call("POST", IMPORT, token, body);
        assertThat(started.status()).isEqualTo(202);
        return started.json().path("jobId").asString();
    }

    private JsonNode awaitFinished(String jobId) {
        return awaitFinished(jobId, token, Duration.ofSeconds(30));
    }

    private JsonNode awaitFinished(String jobId, Duration timeout) {
        return awaitFinished(jobId, token, timeout);
    }

    private JsonNode awaitFinished(String jobId, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api().call("GET", IMPORT + "/" + jobId, token, null).json();
            if (!"running".equals(job.path("status").asString())) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }

    private List<JsonNode> publishedCalls() {
        return KafkaProbe.readAll(broker, Topics.CALLS_RECORDED).stream().map(ConsumerRecord::value)
                .map(Api::json).filter(call -> userId.equals(call.path("userId").asString())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
