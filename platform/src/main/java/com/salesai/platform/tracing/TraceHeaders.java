package com.salesai.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The headers ({@code traceparent}) that continue the current trace, for an HTTP client Boot does not instrument
 * (openai-java's OkHttp). Empty outside a span or when tracing is off.
 */
public final class TraceHeaders implements Supplier<Map<String, String>> {
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    TraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> get() {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator headers = propagator.getIfAvailable();
        Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span == null || headers == null) {
            return Map.of();
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        headers.inject(span.context(), carrier, Map::put);
        return carrier;
    }
}
