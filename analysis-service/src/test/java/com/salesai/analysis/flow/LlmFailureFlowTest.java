package com.salesai.analysis.flow;

import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Retry budget: SDK retries (max-retries=1) inside each of 3 Kafka deliveries, then CallAnalysisFailed + DLT. */
class LlmFailureFlowTest extends LlmFlowTestBase {

    @LocalManagementPort
    int managementPort;

    @Test
    void rateLimitedThreeTimesThenAnsweredGivesOneResult() throws Exception {
        var call = Calls.call("flow-429");
        String[] states = {STARTED, "429-2", "429-3", "ok"};
        for (int i = 0; i < 3; i++) {
            FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-429"))
                    .inScenario("429").whenScenarioStateIs(states[i]).willSetStateTo(states[i + 1])
                    .willReturn(FakeOpenAi.error(429)));
        }
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-429"))
                .inScenario("429").whenScenarioStateIs("ok")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 100, 50)));

        send(call);

        // delivery 1: 429 + SDK retry 429; delivery 2: 429 + SDK retry 200
        assertThat(analyzedJson(call.callId(), 1)).hasSize(1);
        FakeOpenAi.SERVER.verify(4, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-429")));
        assertThat(failedEvents(call.callId(), 0, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void serverErrorsUntilTheBudgetIsSpentPublishFailureAndDeadLetterThenReplayRecovers() throws Exception {
        var call = Calls.call("flow-500");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-500"))
                .willReturn(FakeOpenAi.error(500)));

        send(call);

        var failed = failedEvents(call.callId(), 1, Duration.ZERO);
        assertThat(failed).hasSize(1);
        CallAnalysisFailed event = EventJson.mapper().readValue(failed.get(0), CallAnalysisFailed.class);
        assertThat(event.attempts()).isEqualTo(3);
        assertThat(event.promptVersion()).isEqualTo("sales-coach-v3");
        assertThat(event.orgId()).isEqualTo("org-1");
        assertThat(event.reason()).contains("InternalServerException");
        assertThat(TopicReader.valuesOf(bootstrap, Topics.deadLetterOf(Topics.CALLS_RECORDED), call.callId(), 1, Duration.ZERO))
                .singleElement().asString().contains("flow-500");
        // 3 deliveries x (1 request + 1 SDK retry)
        FakeOpenAi.SERVER.verify(6, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-500")));
        assertThat(analyzedJson(call.callId(), 0)).isEmpty();

        // OpenAI is back: replaying the DLT analyzes the call
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).atPriority(1).withRequestBody(containing("flow-500"))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 100, 50)));
        assertThat(replay("Bearer wrong-token").statusCode()).isEqualTo(401);
        var replay = replay("Bearer " + OPERATOR_TOKEN);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).matches("\\{\"replayed\":[1-9]\\d*}");
        assertThat(analyzed(call.callId()).evaluation().overallScore()).isEqualTo(60);
    }

    @Test
    void anAuthenticationErrorIsNotRetried() throws Exception {
        var call = Calls.call("flow-401");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-401"))
                .willReturn(FakeOpenAi.error(401)));

        send(call);

        var failed = failedEvents(call.callId(), 1, Duration.ZERO);
        assertThat(failed).hasSize(1);
        assertThat(EventJson.mapper().readValue(failed.get(0), CallAnalysisFailed.class).attempts()).isEqualTo(1);
        FakeOpenAi.SERVER.verify(1, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-401")));
    }

    @Test
    void anInvalidModelAnswerIsRetried() throws Exception {
        var call = Calls.call("flow-invalid");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-invalid"))
                .inScenario("invalid").whenScenarioStateIs(STARTED).willSetStateTo("valid")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(9), 100, 50)));
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-invalid"))
                .inScenario("invalid").whenScenarioStateIs("valid")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(2), 100, 50)));

        send(call);

        var analyzed = analyzed(call.callId());
        assertThat(analyzed.evaluation().scores().get(0).score()).isEqualTo(2);
        FakeOpenAi.SERVER.verify(2, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-invalid")));
        assertThat(analyzed.llmRequests()).isEqualTo(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopic() throws Exception {
        kafka.send(Topics.CALLS_RECORDED, "poison-key", "{not json".getBytes(StandardCharsets.UTF_8)).get();

        assertThat(TopicReader.valuesOf(bootstrap, Topics.deadLetterOf(Topics.CALLS_RECORDED), "poison-key", 1, Duration.ZERO))
                .containsExactly("{not json");
        assertThat(failedEvents("poison-key", 0, Duration.ofMillis(200))).isEmpty();
    }

    private java.util.List<String> failedEvents(String callId, int expected, Duration settle) {
        return TopicReader.valuesOf(bootstrap, Topics.CALLS_ANALYSIS_FAILED, callId, expected, settle);
    }

    private HttpResponse<String> replay(String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/dltreplay"))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
