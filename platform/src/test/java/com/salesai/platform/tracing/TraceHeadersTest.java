package com.salesai.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraceHeadersTest {
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final OtelTracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(),
            event -> { });
    private final OtelPropagator propagator = new OtelPropagator(otel.getPropagators(), otel.getTracer("test"));

    private TraceHeaders headers(Object... beans) {
        var factory = new StaticListableBeanFactory();
        for (Object bean : beans) {
            factory.addBean(bean.getClass().getSimpleName(), bean);
        }
        return new TraceHeaders(factory.getBeanProvider(Tracer.class), factory.getBeanProvider(Propagator.class));
    }

    @Test
    void carryTheCurrentSpansTraceAsW3cTraceparent() {
        Span span = tracer.nextSpan().name("consume calls.recorded").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            Map<String, String> current = headers(tracer, propagator).get();

            assertThat(current.get("traceparent"))
                    .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        } finally {
            span.end();
        }
    }

    @Test
    void areEmptyOutsideASpanOrWithoutTracing() {
        assertThat(headers(tracer, propagator).get()).isEmpty();
        assertThat(headers().get()).isEmpty();
    }
}
