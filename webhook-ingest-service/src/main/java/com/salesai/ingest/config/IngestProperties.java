package com.salesai.ingest.config;

import com.salesai.schema.events.TopicConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhook ingest tuning.
 *
 * @param maxBodyBytes      largest accepted body ({@code INGEST_MAX_BODY_BYTES}); larger is 413
 * @param maxInflightBytes  bytes of bodies read or decided at once ({@code INGEST_MAX_INFLIGHT_BYTES}), reserved from
 *                          each Content-Length (the body limit without one) before reading; past it, 503
 * @param readTimeout       how long a body may take to arrive ({@code INGEST_READ_TIMEOUT}); slower is cut off, 408
 * @param dedupTtl          how long webhook ids and call ids are remembered ({@code INGEST_DEDUP_TTL})
 * @param pendingStaleAfter age after which another delivery may take over a claim whose publisher vanished
 * @param pendingWait       how long a duplicate waits for a concurrent delivery of the same call to be published
 * @param publishTimeout    upper bound on waiting for Kafka acknowledgements before answering 503
 * @param retryAfter        the {@code Retry-After} hint of 503/409 answers
 * @param previousSecretGrace how long after a re-save a delivery signed with the replaced secret is still accepted
 *                          ({@code INGEST_PREVIOUS_SECRET_GRACE}), at most: the event's own expiry may end it sooner
 * @param topics            partition counts and dead-letter retention of the topics this service produces
 */
@ConfigurationProperties("app.ingest")
public record IngestProperties(long maxBodyBytes, long maxInflightBytes, Duration readTimeout,
                               Duration dedupTtl, Duration pendingStaleAfter, Duration pendingWait,
                               Duration publishTimeout, Duration retryAfter, Duration previousSecretGrace,
                               TopicsSpec topics) {

    public IngestProperties {
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : TopicConfigs.DEFAULT_MAX_BODY_BYTES;
        if (maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("app.ingest.max-body-bytes is at most " + (Integer.MAX_VALUE - 8)
                    + ": a body is read into one array");
        }
        maxInflightBytes = maxInflightBytes > 0 ? maxInflightBytes : 128L * 1024 * 1024;
        if (maxInflightBytes < maxBodyBytes) {
            throw new IllegalArgumentException("app.ingest.max-inflight-bytes (" + maxInflightBytes + ") is below "
                    + "app.ingest.max-body-bytes (" + maxBodyBytes + "): a body of the largest size could never be "
                    + "read");
        }
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        dedupTtl = dedupTtl != null ? dedupTtl : Duration.ofDays(30);
        pendingStaleAfter = pendingStaleAfter != null ? pendingStaleAfter : Duration.ofSeconds(60);
        pendingWait = pendingWait != null ? pendingWait : Duration.ofSeconds(5);
        publishTimeout = publishTimeout != null ? publishTimeout : Duration.ofSeconds(10);
        retryAfter = retryAfter != null ? retryAfter : Duration.ofSeconds(30);
        previousSecretGrace = previousSecretGrace != null ? previousSecretGrace : Duration.ofHours(24);
        topics = topics != null ? topics : new TopicsSpec(0, 0, 0, null);
    }

    /** Record and topic sizes follow the body limit, so any accepted body can be published or quarantined. */
    public TopicConfigs.Limits topicLimits() {
        return new TopicConfigs.Limits(maxBodyBytes, topics.deadLetterRetention());
    }

    /**
     * Partition counts; {@code replicas} 0 means the broker default; {@code deadLetterRetention} how long
     * {@code ingest.quarantine} keeps deliveries (null: {@link TopicConfigs#DEFAULT_DEAD_LETTER_RETENTION}).
     */
    public record TopicsSpec(int callsRecordedPartitions, int quarantinePartitions, int replicas,
                             Duration deadLetterRetention) {
        public TopicsSpec {
            callsRecordedPartitions = callsRecordedPartitions > 0 ? callsRecordedPartitions : 12;
            quarantinePartitions = quarantinePartitions > 0 ? quarantinePartitions : 3;
        }
    }
}
