package com.salesai.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhook ingest tuning. The body limit ({@code INGEST_MAX_BODY_BYTES}) is the platform's
 * {@code app.kafka.topics.max-body-bytes}, shared with every service because it sizes the records; the wait for
 * Kafka's acknowledgement is the platform's {@code app.kafka.publish-timeout} ({@code INGEST_PUBLISH_TIMEOUT} here).
 *
 * @param maxInflightBytes  bytes of bodies read or decided at once ({@code INGEST_MAX_INFLIGHT_BYTES}), reserved from
 *                          each Content-Length (the body limit without one) before reading; past it, 503
 * @param readTimeout       how long a body may take to arrive ({@code INGEST_READ_TIMEOUT}); slower is cut off, 408
 * @param dedupTtl          how long webhook ids and call ids are remembered ({@code INGEST_DEDUP_TTL})
 * @param pendingStaleAfter age after which another delivery may take over a claim whose publisher vanished
 * @param pendingWait       how long a duplicate waits for a concurrent delivery of the same call to be published
 * @param retryAfter        the {@code Retry-After} hint of 503/409 answers
 * @param previousSecretGrace how long after a re-save a delivery signed with the replaced secret is still accepted
 *                          ({@code INGEST_PREVIOUS_SECRET_GRACE}), at most: the event's own expiry may end it sooner
 */
@ConfigurationProperties("app.ingest")
public record IngestProperties(long maxInflightBytes, Duration readTimeout, Duration dedupTtl,
                               Duration pendingStaleAfter, Duration pendingWait, Duration retryAfter,
                               Duration previousSecretGrace) {
    static final long DEFAULT_MAX_INFLIGHT_BYTES = 128L * 1024 * 1024;

    public IngestProperties {
        maxInflightBytes = maxInflightBytes > 0 ? maxInflightBytes : DEFAULT_MAX_INFLIGHT_BYTES;
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        dedupTtl = dedupTtl != null ? dedupTtl : Duration.ofDays(30);
        pendingStaleAfter = pendingStaleAfter != null ? pendingStaleAfter : Duration.ofSeconds(60);
        pendingWait = pendingWait != null ? pendingWait : Duration.ofSeconds(5);
        retryAfter = retryAfter != null ? retryAfter : Duration.ofSeconds(30);
        previousSecretGrace = previousSecretGrace != null ? previousSecretGrace : Duration.ofHours(24);
    }
}
