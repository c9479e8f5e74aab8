package com.salesai.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Trace propagation for what Boot's observations do not reach. */
@AutoConfiguration
public class PlatformTracingAutoConfiguration {

    @Bean
    TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHeaders(tracer, propagator);
    }
}
