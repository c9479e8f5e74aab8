package com.salesai.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Prefix {@code app.ingest.mongo}: how long a webhook request waits for the dedup store before it is answered 503.
 * The driver's defaults (30 s server selection) would hold the request past the sender's patience while MongoDB is
 * down; a short bound answers 503 + Retry-After at once and Svix retries later.
 *
 * @param serverSelectionTimeout {@code INGEST_MONGO_SERVER_SELECTION_TIMEOUT}, waiting for a reachable server
 * @param connectTimeout         {@code INGEST_MONGO_CONNECT_TIMEOUT}, opening a connection
 */
@ConfigurationProperties("app.ingest.mongo")
public record MongoTimeouts(@DefaultValue("2s") Duration serverSelectionTimeout,
                            @DefaultValue("2s") Duration connectTimeout) {
}
