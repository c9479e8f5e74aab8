package com.salesai.ingest.config;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** Bounds the MongoDB client's wait for a server (see {@link MongoTimeouts}); everything else comes from the URI. */
@Configuration(proxyBeanMethods = false)
class MongoClientConfig {

    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeouts timeouts) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
