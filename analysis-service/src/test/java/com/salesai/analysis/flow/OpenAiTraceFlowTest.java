package com.salesai.analysis.flow;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI request continues the trace of the call it evaluates, from a client span of its own. */
class OpenAiTraceFlowTest extends LlmFlowTestBase {

    @Autowired
    Tracer tracer;

    @Test
    void theOpenAiRequestCarriesTheTraceOfThePublishedCall() throws Exception {
        var call = Calls.call("flow-traced");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("flow-traced"))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 2000, 500)));

        Span publisher = tracer.nextSpan().name("publisher").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(publisher)) {
            send(call);
        } finally {
            publisher.end();
        }
        analyzed(call.callId());

        List<LoggedRequest> requests = FakeOpenAi.SERVER.findAll(postRequestedFor(urlEqualTo(FakeOpenAi.PATH))
                .withRequestBody(containing("flow-traced")));
        assertThat(requests).hasSize(1);
        String traceparent = requests.get(0).getHeader("traceparent");
        assertThat(traceparent).as("W3C trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(publisher.context().traceId());
    }
}
