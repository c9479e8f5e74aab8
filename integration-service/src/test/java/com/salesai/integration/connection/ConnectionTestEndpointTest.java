package com.salesai.integration.connection;

import com.salesai.integration.Api;
import com.salesai.integration.FathomGate;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import com.salesai.integration.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionTestEndpointTest extends IntegrationTestBase {
    private static final String PATH = "/api/integrations/fathom/test";
    private final String token = Tokens.forUser("tester-" + UUID.randomUUID(), "org-1");
    private final String apiKey = "key-" + UUID.randomUUID();

    private Api.Response test(String key) {
        return api().call("POST", PATH, token, "{\"apiKey\":\"" + key + "\"}");
    }

    @Test
    void aValidKeyReportsTheMeetingsFound() {
        FathomStub.meetings(FATHOM, apiKey, 7);

        Api.Response response = test(apiKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isTrue();
        assertThat(response.json().path("message").asString()).isEqualTo("Connection successful - API key is valid");
        assertThat(response.json().path("meetingsFound").asInt()).isEqualTo(7);
    }

    @Test
    void anInvalidKeyIsAVerdictNotAnError() {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).willReturn(aResponse().withStatus(401)));

        Api.Response response = test(apiKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.json().path("message").asString())
                .isEqualTo("Invalid API key - please check your credentials");
    }

    @Test
    void rateLimitingIsReportedWithItsWait() {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "42")));

        Api.Response response = test(apiKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.json().path("message").asString()).isEqualTo("Rate limit exceeded");
        assertThat(response.json().path("retryAfterSeconds").asLong()).isEqualTo(42);
    }

    @Test
    void fathomFailingIsABadGatewayProblem() {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).willReturn(aResponse().withStatus(503)));

        Api.Response response = test(apiKey);

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("HTTP 503");
    }

    @Test
    void aSpentBudgetAnswersRateLimitedAtOnceInsteadOfHoldingTheRequest() {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(apiKey))
                .willReturn(okJson("{\"items\":[]}").withHeader("RateLimit-Limit", "60")
                        .withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", "40")));
        assertThat(test(apiKey).json().path("success").asBoolean()).isTrue();

        long started = System.nanoTime();
        Api.Response response = test(apiKey);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.json().path("message").asString()).isEqualTo("Rate limit exceeded");
        assertThat(response.json().path("retryAfterSeconds").asLong()).isBetween(39L, 40L);
        FATHOM.verify(1, getRequestedFor(urlPathEqualTo(FathomStub.MEETINGS)));
    }

    @Test
    void oneUserRunsOneTestAtATimeWhileOthersAreServed() throws Exception {
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS))
                .willReturn(okJson("{\"items\":[]}").withTransformers(FathomGate.NAME)));
        GATE.close();
        String other = Tokens.forUser("other-" + UUID.randomUUID(), "org-1");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Api.Response> first = pool.submit(() -> test(apiKey));
            awaitFathomRequests(1); // the first test holds its slot, waiting on Fathom
            Future<Api.Response> second = pool.submit(() -> test(apiKey));
            Future<Api.Response> someoneElse = pool.submit(() -> api().call("POST", PATH, other,
                    "{\"apiKey\":\"" + apiKey + "\"}"));

            assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(409);
            assertThat(second.get().contentType()).contains("application/problem+json");
            awaitFathomRequests(2); // someone else's test is not held behind the first
            assertThat(first).isNotDone();
            GATE.open();
            assertThat(first.get(10, TimeUnit.SECONDS).json().path("success").asBoolean()).isTrue();
            assertThat(someoneElse.get(10, TimeUnit.SECONDS).json().path("success").asBoolean()).isTrue();
        } finally {
            GATE.open();
            pool.shutdownNow();
        }
        assertThat(test(apiKey).status()).as("the slot is free again").isEqualTo(200);
    }

    /** The attack of issue 18: a flood of tests with a key Fathom is slow to refuse must not starve other users. */
    @Test
    void aFloodOfTestsWithABogusKeyLeavesEveryoneElseServed() throws Exception {
        String bogus = "bogus-" + UUID.randomUUID();
        FATHOM.stubFor(get(urlPathEqualTo(FathomStub.MEETINGS)).withHeader("X-Api-Key", equalTo(bogus))
                .willReturn(aResponse().withStatus(401).withBody("Unauthorized").withTransformers(FathomGate.NAME)));
        GATE.close();
        String reader = Tokens.forUser("reader-" + UUID.randomUUID(), "org-1");
        ExecutorService pool = Executors.newFixedThreadPool(300);
        try {
            List<Future<Api.Response>> flood = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                flood.add(pool.submit(() -> test(bogus)));
            }
            // the refused ones are back at once; the one slot holder is still waiting on Fathom
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (flood.stream().filter(Future::isDone).count() < 290 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            long started = System.nanoTime();
            Api.Response settings = api().call("GET", "/api/integrations/fathom", reader, null);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(settings.status()).isEqualTo(404); // no integration saved: answered, not queued
            // Fathom refuses the key once everyone but the slot holder was answered, as a slow Fathom would
            await().atMost(Duration.ofSeconds(20)).until(() -> flood.stream().filter(Future::isDone).count() >= 299);
            GATE.open();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> attempt : flood) {
                statuses.add(attempt.get(30, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).isSubsetOf(200, 409, 502); // the slot holder: a verdict or Fathom timing out
            assertThat(statuses.stream().filter(status -> status == 409).count()).isGreaterThanOrEqualTo(290);
        } finally {
            GATE.open();
            pool.shutdownNow();
        }
    }

    private static void awaitFathomRequests(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> GATE.arrived() >= count);
    }

    @Test
    void blankOrOversizedKeysAreBadRequests() {
        assertThat(test("  ").status()).isEqualTo(400);
        Api.Response oversized = test("k".repeat(513));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.contentType()).contains("application/problem+json");
        assertThat(api().call("POST", PATH, token, "{not json").status()).isEqualTo(400);
        FATHOM.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
