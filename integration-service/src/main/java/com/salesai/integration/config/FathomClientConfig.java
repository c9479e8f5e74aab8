package com.salesai.integration.config;

import com.salesai.integration.fathom.FathomClient;
import com.salesai.integration.fathom.FathomProperties;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FathomClientConfig {

    @Bean
    FathomClient fathomClient(FathomProperties properties, RestClient.Builder http, MeterRegistry meters) {
        return new FathomClient(properties, http, meters);
    }

    /**
     * Import jobs wait mostly on Fathom and Kafka; at most one runs per user, and a small pool bounds the load a
     * burst of users can put on this instance (Java 17: no virtual threads). A job continues the trace of the
     * request that started it (its observation, hence its span and the MDC's traceId), so its Fathom calls, its
     * published calls and its log lines belong to that trace.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService importExecutor() {
        AtomicInteger count = new AtomicInteger();
        return ContextExecutorService.wrap(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "import-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }
}
