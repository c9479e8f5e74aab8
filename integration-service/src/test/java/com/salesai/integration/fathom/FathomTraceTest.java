package com.salesai.integration.fathom;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.salesai.integration.FathomStub;
import com.salesai.integration.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The service's Fathom client continues the current trace into Fathom, each request in a client span of its own. */
class FathomTraceTest extends IntegrationTestBase {

    @Autowired
    FathomClient fathom;
    @Autowired
    Tracer tracer;
    @Autowired
    MeterRegistry meters;

    @Test
    void aFathomRequestCarriesTheCurrentTraceFromAClientSpanOfItsOwn() {
        FathomStub.meetings(FATHOM, "trace-key", 0);
        double observedBefore = observedRequests();

        Span caller = tracer.nextSpan().name("caller").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(caller)) {
            fathom.listMeetings("trace-key", Caller.REQUEST, null, null, false);
        } finally {
            caller.end();
        }

        List<LoggedRequest> requests = FATHOM.findAll(getRequestedFor(urlPathEqualTo(FathomStub.MEETINGS)));
        assertThat(requests).hasSize(1);
        String traceparent = requests.get(0).getHeader("traceparent");
        assertThat(traceparent).as("W3C trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(caller.context().traceId());
        assertThat(parts[2]).as("the request's own span, a child of the caller's")
                .isNotEqualTo(caller.context().spanId());
        assertThat(observedRequests()).as("http.client.requests, Boot's client observation")
                .isGreaterThan(observedBefore);
    }

    private double observedRequests() {
        return meters.find("http.client.requests").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }
}
