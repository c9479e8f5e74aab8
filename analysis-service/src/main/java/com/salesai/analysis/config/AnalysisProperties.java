package com.salesai.analysis.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Analysis settings, prefix {@code app.analysis}: {@code language} (env {@code ANALYSIS_LANGUAGE}, default fr) of
 * the coaching text; {@code internalMeetings} (env {@code ANALYSIS_INTERNAL_MEETINGS}, default false) sends
 * {@code only_internal} meetings to the LLM too; {@code dailyTokenBudget} (env {@code ANALYSIS_DAILY_TOKEN_BUDGET}, default
 * none) the tokens an organization's calls may spend per UTC day. Language, internal meetings and budget are the
 * defaults of an organization that has not saved analysis settings of its own;
 * {@code maxTranscriptChars} (env {@code ANALYSIS_MAX_TRANSCRIPT_CHARS}, default 400 000) of transcript text are
 * analyzed by the LLM, the rest not. The listener's concurrency ({@code ANALYSIS_CONCURRENCY}) is Boot's
 * {@code spring.kafka.listener.concurrency}, the Kafka-level retries ({@code ANALYSIS_RETRY_*}) the platform's
 * {@code app.kafka.retry}.
 */
@ConfigurationProperties("app.analysis")
public record AnalysisProperties(String language, boolean internalMeetings, int maxTranscriptChars,
                                 Long dailyTokenBudget) {

    public AnalysisProperties {
        language = language == null || language.isBlank() ? "fr" : language;
        maxTranscriptChars = maxTranscriptChars <= 0 ? 400_000 : maxTranscriptChars;
        dailyTokenBudget = dailyTokenBudget == null || dailyTokenBudget <= 0 ? null : dailyTokenBudget;
    }
}
