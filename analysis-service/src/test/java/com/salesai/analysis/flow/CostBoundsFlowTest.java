package com.salesai.analysis.flow;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.salesai.analysis.metrics.ConversationMetricsCalculator;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one call can cost: every answer bounded, an invalid answer asked for once more and no more, chunk notes
 * paid for once however often the call is retried, and the transcript capped.
 */
class CostBoundsFlowTest extends LlmFlowTestBase {
    private static final Pattern PART = Pattern.compile("Extrait (\\d+)/(\\d+)");

    @Autowired
    MeterRegistry meters;

    @Test
    void anAnswerInvalidTwiceFailsTheCallWithItsReasonAfterExactlyTwoRequests() throws Exception {
        var call = Calls.call("cost-two-invalid-answers");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("cost-two-invalid-answers"))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(9), 100, 50)));

        send(call);

        List<String> failed = failedJson(call.callId(), 1, Duration.ofMillis(500));
        assertThat(failed).hasSize(1);
        CallAnalysisFailed event = EventJson.mapper().readValue(failed.get(0), CallAnalysisFailed.class);
        assertThat(event.reason()).startsWith("InvalidModelAnswerException: the evaluate answer was invalid twice")
                .contains("discovery score 9 is outside 1..5");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(Prompts.requests("cost-two-invalid-answers")).hasSize(2);
        assertThat(analyzedJson(call.callId(), 0)).isEmpty();
    }

    @Test
    void aLongCallAskedForItsEvaluationAgainDoesNotRepeatItsChunkRequests() throws Exception {
        String title = "cost-chunks-then-invalid-once";
        var call = Calls.longCall(title, 300);
        stubChunkNotes(title);
        FakeOpenAi.SERVER.stubFor(evaluation(title).inScenario(title).whenScenarioStateIs(STARTED).willSetStateTo("valid")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(0), 100, 50)));
        FakeOpenAi.SERVER.stubFor(evaluation(title).inScenario(title).whenScenarioStateIs("valid")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 100, 50)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        int chunks = eachChunkAskedOnce(title);
        assertThat(evaluationRequests(title)).isEqualTo(2);
        assertThat(analyzed.llmRequests()).isEqualTo(chunks + 2);
    }

    @Test
    void aLongCallRedeliveredAfterAnOutageReusesTheChunkNotesStoredBeforeIt() throws Exception {
        String title = "cost-chunks-then-outage";
        var call = Calls.longCall(title, 300);
        stubChunkNotes(title);
        // first delivery: the evaluation request and the SDK's retry fail; the second delivery is answered
        FakeOpenAi.SERVER.stubFor(evaluation(title).inScenario(title).whenScenarioStateIs(STARTED).willSetStateTo("retried")
                .willReturn(FakeOpenAi.error(500)));
        FakeOpenAi.SERVER.stubFor(evaluation(title).inScenario(title).whenScenarioStateIs("retried").willSetStateTo("up")
                .willReturn(FakeOpenAi.error(503)));
        FakeOpenAi.SERVER.stubFor(evaluation(title).inScenario(title).whenScenarioStateIs("up")
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 100, 50)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        eachChunkAskedOnce(title);
        assertThat(evaluationRequests(title)).isEqualTo(3);
        assertThat(analyzed.chunked()).isTrue();
        assertThat(analyzed.llmRequests()).as("the second delivery asked for the evaluation only").isEqualTo(1);
    }

    @Test
    void aTranscriptOverTheCapIsAnalyzedFromItsFirstPartSaysSoAndIsMeasuredWhole() throws Exception {
        String title = "cost-truncated-transcript";
        var call = Calls.longCall(title, 600); // ~53,000 characters of text, over the 40,000 cap
        stubChunkNotes(title);
        FakeOpenAi.SERVER.stubFor(evaluation(title).willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 100, 50)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        assertThat(analyzed.transcriptTruncated()).isTrue();
        assertThat(analyzed.metrics()).isEqualTo(new ConversationMetricsCalculator().compute(call));
        List<LoggedRequest> requests = Prompts.requests(title);
        assertThat(requests).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("Segment 0 :"));
        assertThat(requests).noneSatisfy(r -> assertThat(r.getBodyAsString()).contains("Segment 500 :"));
        assertThat(requests.stream().map(Prompts::user).filter(u -> u.contains("Notes horodat")))
                .singleElement().asString().contains("seule sa première partie est fournie");
        assertThat(requests).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"max_completion_tokens\":4000"));
    }

    private static void stubChunkNotes(String title) {
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(title))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Extrait ")))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.chunkNotes("Bob décrit ses délais"), 3000, 100)));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder evaluation(String title) {
        return post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(title))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Notes horodat")));
    }

    private static long evaluationRequests(String title) {
        return Prompts.requests(title).stream().map(Prompts::user).filter(u -> u.contains("Notes horodat")).count();
    }

    /** Asserts every "Extrait i/n" was asked for exactly once; returns n. */
    private static int eachChunkAskedOnce(String title) {
        List<String> parts = Prompts.requests(title).stream().map(Prompts::user)
                .map(PART::matcher).filter(Matcher::find).map(Matcher::group).toList();
        assertThat(parts).isNotEmpty().doesNotHaveDuplicates();
        int chunks = Integer.parseInt(PART.matcher(parts.get(0)).results().findFirst().orElseThrow().group(2));
        assertThat(parts).hasSize(chunks);
        assertThat(chunks).isGreaterThan(1);
        return chunks;
    }
}
