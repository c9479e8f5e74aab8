package com.salesai.integration.fathom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FathomClientTest {
    private static final String KEY = "test-key-1234";
    private static WireMockServer fathom;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startFathom() {
        fathom = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        fathom.start();
    }

    @AfterAll
    static void stopFathom() {
        fathom.stop();
    }

    @BeforeEach
    void reset() {
        fathom.resetAll();
    }

    private FathomClient client(int maxAttempts, Duration readTimeout, int cbMinimumCalls) {
        return client(maxAttempts, readTimeout, cbMinimumCalls,
                new FathomProperties.RateLimit(60, 30, Duration.ofSeconds(60), Duration.ofSeconds(1), 0));
    }

    private FathomClient client(int maxAttempts, Duration readTimeout, int cbMinimumCalls,
                                FathomProperties.RateLimit rate) {
        return new FathomClient(new FathomProperties(fathom.baseUrl() + "/external/v1", Duration.ofSeconds(2),
                readTimeout, rate, new FathomProperties.RetryPolicy(maxAttempts, Duration.ofMillis(10),
                Duration.ofSeconds(5)),
                new FathomProperties.CircuitBreakerPolicy(50, cbMinimumCalls, Duration.ofSeconds(30))),
                RestClient.builder(), meters);
    }

    private FathomClient client() {
        return client(3, Duration.ofSeconds(2), 10);
    }

    @Test
    void pagesMeetingsByCursorWithIncludeFlags() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).withQueryParam("cursor", absent())
                .willReturn(okJson("{\"items\":[{\"recording_id\":1},{\"recording_id\":2}],\"next_cursor\":\"c+2\",\"limit\":2}")));
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).withQueryParam("cursor", equalTo("c+2"))
                .willReturn(okJson("{\"items\":[{\"recording_id\":3},{\"recording_id\":4}],\"next_cursor\":\"c3\",\"limit\":2}")));
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).withQueryParam("cursor", equalTo("c3"))
                .willReturn(okJson("{\"items\":[{\"recording_id\":5}],\"next_cursor\":null,\"limit\":2}")));

        FathomClient client = client();
        List<Integer> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MeetingsPage page = client.listMeetings(KEY, Caller.IMPORT, cursor, Instant.parse("2025-01-01T00:00:00Z"), true);
            page.items().forEach(item -> ids.add(item.path("recording_id").asInt()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly(1, 2, 3, 4, 5);
        fathom.verify(3, getRequestedFor(urlPathEqualTo("/external/v1/meetings"))
                .withHeader("X-Api-Key", equalTo(KEY))
                .withQueryParam("include_transcript", equalTo("true"))
                .withQueryParam("include_summary", equalTo("true"))
                .withQueryParam("include_action_items", equalTo("true"))
                .withQueryParam("created_after", equalTo("2025-01-01T00:00:00Z")));
    }

    @Test
    void invalidKeyIsUnauthorizedWithoutRetry() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client().listMeetings(KEY, Caller.IMPORT, null, null, false))
                .isInstanceOf(FathomUnauthorizedException.class);
        fathom.verify(1, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
        assertThat(meters.get("fathom.api.requests").tag("outcome", "unauthorized").timer().count()).isEqualTo(1);
    }

    @Test
    void waitsWhatRetryAfterAsksThenSucceeds() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"items\":[{\"recording_id\":7}],\"next_cursor\":null}")));

        long started = System.nanoTime();
        MeetingsPage page = client().listMeetings(KEY, Caller.IMPORT, null, null, false);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(page.items()).hasSize(1);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        fathom.verify(2, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
    }

    @Test
    void rateLimitResetHeaderIsReadWhenRetryAfterIsAbsent() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.add("RateLimit-Reset", "42");
        assertThat(FathomClient.retryAfter(headers)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aWaitLongerThanAllowedIsReportedNotRetried() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> client().listMeetings(KEY, Caller.IMPORT, null, null, false))
                .isInstanceOfSatisfying(FathomRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        fathom.verify(1, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
    }

    @Test
    void serverErrorsAreRetriedThenOpenTheCircuit() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).willReturn(aResponse().withStatus(503)));
        FathomClient client = client(2, Duration.ofSeconds(2), 4);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.listMeetings(KEY, Caller.IMPORT, null, null, false))
                    .isInstanceOf(FathomUnavailableException.class).hasMessageContaining("HTTP 503");
        }
        fathom.verify(4, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));

        assertThatThrownBy(() -> client.listMeetings(KEY, Caller.IMPORT, null, null, false))
                .isInstanceOf(FathomUnavailableException.class).hasMessageContaining("circuit breaker is open");
        fathom.verify(4, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
    }

    @Test
    void readTimeoutIsUnavailable() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings"))
                .willReturn(okJson("{\"items\":[]}").withFixedDelay(1500)));

        assertThatThrownBy(() -> client(1, Duration.ofMillis(200), 10).listMeetings(KEY, Caller.IMPORT, null, null, false))
                .isInstanceOf(FathomUnavailableException.class).hasMessageContaining("timed out");
    }

    @Test
    void createsTheWebhookWithTheDesignBodyAndDeletesTolerating404() {
        fathom.stubFor(post(urlPathEqualTo("/external/v1/webhooks"))
                .willReturn(okJson("{\"id\":\"wh_1\",\"url\":\"https://x\",\"secret\":\"whsec_abc\"}")));
        fathom.stubFor(delete(urlPathEqualTo("/external/v1/webhooks/wh_0")).willReturn(aResponse().withStatus(404)));

        CreatedWebhook webhook = client().createWebhook(KEY, Caller.REQUEST, "https://public.example/api/webhooks/fathom/u1", false);
        client().deleteWebhook(KEY, Caller.REQUEST, "wh_0");

        assertThat(webhook.id()).isEqualTo("wh_1");
        assertThat(webhook.secret()).isEqualTo("whsec_abc");
        assertThat(webhook.toString()).doesNotContain("whsec_abc");
        fathom.verify(postRequestedFor(urlPathEqualTo("/external/v1/webhooks")).withRequestBody(equalToJson("""
                {"destination_url": "https://public.example/api/webhooks/fathom/u1",
                 "include_transcript": true, "include_action_items": true, "include_summary": true,
                 "include_crm_matches": false, "triggered_for": ["my_recordings","shared_external_recordings"]}""",
                false, false)));
        fathom.verify(1, deleteRequestedFor(urlPathEqualTo("/external/v1/webhooks/wh_0")));
    }

    @Test
    void withTeamRecordingsTheWebhookBodyDiffersOnlyByTheThirdTrigger() {
        fathom.stubFor(post(urlPathEqualTo("/external/v1/webhooks"))
                .willReturn(okJson("{\"id\":\"ikEoQ4bVoq4JYUmc\",\"url\":\"https://x\",\"secret\":\"whsec_abc\"}")));

        client().createWebhook(KEY, Caller.REQUEST, "https://public.example/api/webhooks/fathom/u1", true);

        fathom.verify(postRequestedFor(urlPathEqualTo("/external/v1/webhooks")).withRequestBody(equalToJson("""
                {"destination_url": "https://public.example/api/webhooks/fathom/u1",
                 "include_transcript": true, "include_action_items": true, "include_summary": true,
                 "include_crm_matches": false,
                 "triggered_for": ["my_recordings","shared_external_recordings","my_shared_with_team_recordings"]}""",
                false, false)));
    }

    @Test
    void aUsersRequestIsToldWhenToRetryInsteadOfWaitingForFathomsReset() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).willReturn(okJson("{\"items\":[]}")
                .withHeader("RateLimit-Limit", "60").withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", "30")));
        FathomClient client = client();
        client.listMeetings(KEY, Caller.REQUEST, null, null, false);

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.listMeetings(KEY, Caller.REQUEST, null, null, false))
                .isInstanceOfSatisfying(FathomRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        fathom.verify(1, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
        assertThat(meters.get("fathom.client.permits.denied").tag("caller", "request").counter().count())
                .isEqualTo(1);
    }

    @Test
    void heavyRequestsHaveTheirOwnLimitWhileLightOnesStillPass() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).willReturn(okJson("{\"items\":[]}")));
        FathomClient client = client(3, Duration.ofSeconds(2), 10,
                new FathomProperties.RateLimit(60, 2, Duration.ofSeconds(60), Duration.ofMillis(200), 0));

        client.listMeetings(KEY, Caller.IMPORT, null, null, true);
        client.listMeetings(KEY, Caller.IMPORT, null, null, true);
        assertThatThrownBy(() -> client.listMeetings(KEY, Caller.REQUEST, null, null, true))
                .isInstanceOf(FathomRateLimitedException.class);
        client.listMeetings(KEY, Caller.REQUEST, null, null, false);
        client.listMeetings("another-key", Caller.REQUEST, null, null, true);

        fathom.verify(3, getRequestedFor(urlPathEqualTo("/external/v1/meetings"))
                .withQueryParam("include_transcript", equalTo("true")));
        fathom.verify(1, getRequestedFor(urlPathEqualTo("/external/v1/meetings"))
                .withQueryParam("include_transcript", absent()));
    }

    @Test
    void aPlainText429IsReportedAtOnceToAUsersRequestAndWaitedOutByAnImport() {
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                        .withHeader("Retry-After", "1").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", "1")
                        .withBody("Currently, you are able to make a maximum of 60 calls per 60 seconds."))
                .willSetStateTo("ok"));
        fathom.stubFor(get(urlPathEqualTo("/external/v1/meetings")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"items\":[{\"recording_id\":7}],\"next_cursor\":null}")));

        assertThatThrownBy(() -> client().listMeetings(KEY, Caller.REQUEST, null, null, false))
                .isInstanceOfSatisfying(FathomRateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        fathom.verify(1, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));

        fathom.setScenarioState("429", Scenario.STARTED);
        assertThat(client().listMeetings(KEY, Caller.IMPORT, null, null, false).items()).hasSize(1);
        fathom.verify(3, getRequestedFor(urlPathEqualTo("/external/v1/meetings")));
    }
}
