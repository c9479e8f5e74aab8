package com.salesai.ingest.config;

import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.webhooks.StandardWebhooksVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class IngestConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StandardWebhooksVerifier webhooksVerifier(Clock clock) {
        return new StandardWebhooksVerifier(clock);
    }

    @Bean
    FathomPayloadNormalizer fathomPayloadNormalizer() {
        return new FathomPayloadNormalizer();
    }
}
