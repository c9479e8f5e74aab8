package com.salesai.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Observes a request of an HTTP client Boot does not instrument (openai-java's OkHttp) as Boot observes its own: a
 * client span, child of the current span (or the start of a trace), and the W3C headers ({@code traceparent}) that
 * continue it into the request. With tracing off, the request is made as it is, without headers.
 */
public final class ClientSpans {
    private final Tracer tracer;
    private final Propagator propagator;

    ClientSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Requests made untraced: for code run without Spring (tests, tools). */
    public static ClientSpans none() {
        return new ClientSpans(Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * Makes {@code request} inside a client span named {@code name} towards {@code remoteService}, handing it the
     * headers to send; an exception marks the span as failed.
     */
    public <T> T request(String name, String remoteService, Function<Map<String, String>, T> request) {
        Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.CLIENT).remoteServiceName(remoteService);
        TraceContext parent = tracer.currentTraceContext().context();
        if (parent != null) {
            builder.setParent(parent);
        }
        Span span = builder.start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(span.context(), headers, Map::put);
            return request.apply(headers);
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
