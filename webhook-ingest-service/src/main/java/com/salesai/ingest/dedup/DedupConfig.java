package com.salesai.ingest.dedup;

import com.salesai.ingest.config.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class DedupConfig {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    @Bean
    DeliveryClaims deliveryClaims(ClaimRepository repository, Clock clock, IngestProperties properties) {
        return new DeliveryClaims(repository, clock, properties.pendingStaleAfter(), properties.pendingWait(),
                POLL_INTERVAL, duration -> Thread.sleep(duration.toMillis()));
    }
}
