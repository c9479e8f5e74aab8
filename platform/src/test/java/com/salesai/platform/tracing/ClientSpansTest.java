package com.salesai.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSpansTest {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new Recorder()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final OtelTracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(),
            event -> { });
    private final ClientSpans spans = new ClientSpans(tracer,
            new OtelPropagator(otel.getPropagators(), otel.getTracer("test")));

    @Test
    void aRequestGetsAClientSpanUnderTheCurrentOneAndItsTraceparent() {
        Span current = tracer.nextSpan().name("consume calls.recorded").start();
        Map<String, String> sent;
        try (Tracer.SpanInScope ignored = tracer.withSpan(current)) {
            sent = spans.request("chat gpt-5-mini", "openai", headers -> headers);
        } finally {
            current.end();
        }

        SpanData client = ended.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(client.getName()).isEqualTo("chat gpt-5-mini");
        assertThat(client.getTraceId()).isEqualTo(current.context().traceId());
        assertThat(client.getParentSpanId()).isEqualTo(current.context().spanId());
        assertThat(sent).containsEntry("traceparent",
                "00-" + current.context().traceId() + "-" + client.getSpanId() + "-01");
    }

    @Test
    void outsideASpanTheRequestStartsATrace() {
        Map<String, String> sent = spans.request("chat gpt-5-mini", "openai", headers -> headers);

        SpanData client = ended.get(0);
        assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(client.getParentSpanContext().isValid()).isFalse();
        assertThat(sent.get("traceparent")).isEqualTo("00-" + client.getTraceId() + "-" + client.getSpanId() + "-01");
    }

    @Test
    void aFailedRequestEndsItsSpanAsAnError() {
        assertThatThrownBy(() -> spans.request("chat gpt-5-mini", "openai", headers -> {
            throw new IllegalStateException("429");
        })).hasMessage("429");

        assertThat(ended).singleElement()
                .satisfies(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
    }

    @Test
    void withoutTracingTheRequestIsMadeWithoutHeaders() {
        Map<String, String> sent = ClientSpans.none().request("chat gpt-5-mini", "openai", headers -> headers);

        assertThat(sent).isEmpty();
    }

    /** Keeps every ended span. */
    private final class Recorder implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
