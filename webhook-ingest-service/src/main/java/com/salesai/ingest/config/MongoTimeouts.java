package com.salesai.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Prefix {@code app.ingest.mongo}: how long a webhook request waits for a reachable MongoDB before it is answered 503.
 * The driver's default (30 s server selection) would hold the request past the sender's patience while MongoDB is
 * down; a short bound answers 503 + Retry-After at once and Svix retries later. The connect timeout stays the
 * driver's: it is also the read timeout of the server monitor's heartbeats, and a short one marks a busy but healthy
 * server unreachable.
 *
 * @param serverSelectionTimeout {@code INGEST_MONGO_SERVER_SELECTION_TIMEOUT}, waiting for a reachable server
 */
@ConfigurationProperties("app.ingest.mongo")
public record MongoTimeouts(@DefaultValue("2s") Duration serverSelectionTimeout) {
}
