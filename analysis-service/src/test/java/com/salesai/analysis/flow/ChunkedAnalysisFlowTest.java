package com.salesai.analysis.flow;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Token budget 6000 (~24,000 chars) and chunks of 2500 tokens (~10,000 chars) in this context. */
class ChunkedAnalysisFlowTest extends LlmFlowTestBase {

    @Test
    void aTranscriptOverTheBudgetIsSummarizedInChunksThenEvaluated() throws Exception {
        var call = Calls.longCall("flow-chunked", 300); // ~300 lines of ~110 chars: ~33,000 chars
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-chunked"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Extrait ")))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.chunkNotes("Bob décrit ses délais"), 3000, 100)));
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-chunked"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Notes horodat")))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 1000, 400)));

        send(call);
        var analyzed = analyzed(call.callId());

        assertThat(analyzed.chunked()).isTrue();
        assertThat(analyzed.evaluation().overallScore()).isEqualTo(25); // the canned quotes are not in this call
        var mapRequests = postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-chunked"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Extrait ")));
        int chunks = FakeOpenAi.SERVER.findAll(mapRequests).size();
        assertThat(chunks).isBetween(4, 5);
        FakeOpenAi.SERVER.verify(1, postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-chunked"))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Notes horodat")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(containing("[00:01:00] Bob décrit ses délais")));
        // usage and cost add up over the map requests and the evaluation
        assertThat(analyzed.tokenUsage().promptTokens()).isEqualTo(chunks * 3000L + 1000);
        assertThat(analyzed.tokenUsage().completionTokens()).isEqualTo(chunks * 100L + 400);
        assertThat(analyzed.llmRequests()).isEqualTo(chunks + 1);
        assertThat(analyzed.transcriptTruncated()).isFalse();
    }
}
