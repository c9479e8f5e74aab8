package com.salesai.analysis.flow;

import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class LlmAnalysisFlowTest extends LlmFlowTestBase {

    @Autowired
    MeterRegistry meters;
    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void evaluatesACallWithOneStructuredOutputRequest() throws Exception {
        double promptTokensBefore = meters.counter("analysis.llm.tokens", "type", "prompt").count();
        double llmCallsBefore = meters.counter("analysis.calls.analyzed", "mode", "llm").count();
        var call = Calls.call("flow-happy-path");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-happy-path"))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 2000, 500)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        FakeOpenAi.SERVER.verify(1, postRequestedFor(urlEqualTo(FakeOpenAi.PATH))
                .withRequestBody(containing("flow-happy-path"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-5-mini")))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("4000")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.criteria.properties.discovery"))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.outcome.enum"))
                // neither in the schema nor in the instructions: the overall score is computed
                .withRequestBody(notContaining("overallScore"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                // the configured coaching language (en) reaches the system message
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("en anglais (code de langue en)")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Bob Durand <bob@client.fr> (externe)"))));

        assertThat(analyzed.callId()).isEqualTo(call.callId());
        assertThat(analyzed.orgId()).isEqualTo("org-1");
        assertThat(analyzed.userId()).isEqualTo("user-alice");
        assertThat(analyzed.mode()).isEqualTo(AnalysisMode.LLM);
        assertThat(analyzed.model()).isEqualTo("gpt-5-mini");
        assertThat(analyzed.promptVersion()).isEqualTo("sales-coach-v3");
        assertThat(analyzed.chunked()).isFalse();
        assertThat(analyzed.transcriptTruncated()).isFalse();
        assertThat(analyzed.skipReason()).isNull();
        assertThat(analyzed.reviewFlags()).isEmpty();
        assertThat(analyzed.llmRequests()).isEqualTo(1);
        assertThat(analyzed.tokenUsage().promptTokens()).isEqualTo(2000);
        assertThat(analyzed.tokenUsage().completionTokens()).isEqualTo(500);
        // gpt-5-mini: 2000 * 0.25 / 1M + 500 * 2.00 / 1M
        assertThat(analyzed.estimatedCostUsd()).isEqualByComparingTo(new BigDecimal("0.0015"));
        assertThat(analyzed.metrics().available()).isTrue();
        assertThat(analyzed.metrics().repQuestions()).isEqualTo(3);

        Evaluation evaluation = analyzed.evaluation();
        assertThat(evaluation.language()).isEqualTo("en");
        assertThat(evaluation.outcome()).isEqualTo(Outcome.ADVANCED);
        assertThat(evaluation.scores()).extracting(Evaluation.CriterionScore::criterion).containsExactly("discovery",
                "active_listening", "value_proposition", "objection_handling", "next_steps");
        // value proposition and objection handling have no quote: unsupported, objection handling's 3 capped at 2
        assertThat(evaluation.scores()).extracting(Evaluation.CriterionScore::score).containsExactly(4, 4, 2, 2, 5);
        assertThat(evaluation.scores()).extracting(Evaluation.CriterionScore::supported)
                .containsExactly(true, true, false, false, true);
        assertThat(evaluation.scores()).extracting(Evaluation.CriterionScore::weight).containsOnly(1.0);
        assertThat(evaluation.scores().get(0).label()).as("in the org's language, en").isEqualTo("Discovery");
        assertThat(evaluation.overallScore()).isEqualTo(60); // 100 * (3 + 3 + 1 + 1 + 4) / 20
        assertThat(evaluation.scorecard()).isEqualTo(Evaluation.Scorecard.DEFAULT);
        assertThat(evaluation.quotesVerified()).isEqualTo(3);
        assertThat(evaluation.quotesTotal()).isEqualTo(3);
        assertThat(evaluation.scores().get(4).evidence()).containsExactly(
                new Evaluation.Evidence("On fixe une démo jeudi avec votre directeur ?", "00:00:50", true, 4));
        assertThat(evaluation.nextSteps()).containsExactly(new Evaluation.NextStep("Demo on Thursday with the director", "Alice Martin"));
        assertThat(evaluation.risks()).containsExactly("Decision maker not met yet");
        assertThat(evaluation.coaching()).startsWith("Good discovery");

        assertThat(meters.counter("analysis.llm.tokens", "type", "prompt").count() - promptTokensBefore).isEqualTo(2000);
        assertThat(meters.counter("analysis.calls.analyzed", "mode", "llm").count() - llmCallsBefore).isEqualTo(1);
        assertThat(meters.find("analysis.llm.latency").tag("step", "evaluate").timer()).isNotNull();
        assertThat(prometheus.scrape()).as("the buckets of the dashboard's LLM latency panel")
                .containsPattern("analysis_llm_latency_seconds_bucket\\{[^}]*step=\"evaluate\"[^}]*le=\"120\\.0\"}");
        assertThat(meters.find("analysis.llm.cost.usd").counter().count()).isPositive();

        Path sample = Path.of("target", "sample-call-analyzed.json");
        Files.writeString(sample, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(analyzed));
        var request = FakeOpenAi.SERVER.findAll(postRequestedFor(urlEqualTo(FakeOpenAi.PATH))
                .withRequestBody(containing("flow-happy-path"))).get(0);
        Files.writeString(Path.of("target", "sample-openai-request.json"), request.getBodyAsString());
    }

    @Test
    void aRedeliveredCallIsRepublishedFromTheStoreWithoutASecondRequest() throws Exception {
        var call = Calls.call("flow-redelivered");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-redelivered"))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 1000, 200)));

        send(call);
        analyzed(call.callId());
        send(call);
        List<String> published = analyzedJson(call.callId(), 2);

        FakeOpenAi.SERVER.verify(1, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-redelivered")));
        // both deliveries publish; the second republishes the stored event unchanged (same eventId)
        assertThat(published).hasSize(2);
        var first = EventJson.mapper().readValue(published.get(0), CallAnalyzed.class);
        var second = EventJson.mapper().readValue(published.get(1), CallAnalyzed.class);
        assertThat(second).isEqualTo(first);
    }
}
