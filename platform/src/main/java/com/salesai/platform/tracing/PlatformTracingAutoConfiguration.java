package com.salesai.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Client spans for what Boot's observations do not reach; untraced when tracing is off (no tracer bean). */
@AutoConfiguration
public class PlatformTracingAutoConfiguration {

    @Bean
    ClientSpans clientSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new ClientSpans(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
