package com.salesai.analysis.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Analysis settings, prefix {@code app.analysis}: {@code language} (env {@code ANALYSIS_LANGUAGE}, default fr) of
 * the coaching text, listener {@code concurrency} (env {@code ANALYSIS_CONCURRENCY}), partitions of the topics this
 * service declares, the Kafka-level retry budget and the publish timeout; {@code internalMeetings} (env
 * {@code ANALYSIS_INTERNAL_MEETINGS}, default false) sends {@code only_internal} meetings to the LLM too, until
 * organizations have their own analysis settings; {@code maxTranscriptChars} (env
 * {@code ANALYSIS_MAX_TRANSCRIPT_CHARS}, default 400 000) of transcript text are analyzed by the LLM, the rest not.
 */
@ConfigurationProperties("app.analysis")
public record AnalysisProperties(
        String language,
        int concurrency,
        int topicPartitions,
        Retry retry,
        Duration publishTimeout,
        boolean internalMeetings,
        int maxTranscriptChars) {

    public AnalysisProperties {
        language = language == null || language.isBlank() ? "fr" : language;
        concurrency = concurrency <= 0 ? 1 : concurrency;
        topicPartitions = topicPartitions <= 0 ? 12 : topicPartitions;
        retry = retry == null ? new Retry(0, null, 0, null) : retry;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        maxTranscriptChars = maxTranscriptChars <= 0 ? 400_000 : maxTranscriptChars;
    }

    /** {@code attempts} deliveries of a record in total, waiting initialInterval * multiplier^n (capped) between. */
    public record Retry(int attempts, Duration initialInterval, double multiplier, Duration maxInterval) {
        public Retry {
            attempts = attempts <= 0 ? 4 : attempts;
            initialInterval = initialInterval == null ? Duration.ofSeconds(2) : initialInterval;
            multiplier = multiplier < 1 ? 2.0 : multiplier;
            maxInterval = maxInterval == null ? Duration.ofSeconds(60) : maxInterval;
        }
    }
}
