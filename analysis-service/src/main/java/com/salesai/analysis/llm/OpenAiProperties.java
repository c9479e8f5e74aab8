package com.salesai.analysis.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * OpenAI settings, prefix {@code app.openai}. application.yml maps the design's environment variables:
 * {@code OPENAI_API_KEY} -> api-key, {@code OPENAI_BASE_URL} -> base-url, {@code OPENAI_MODEL} -> model.
 * A blank api key means metrics-only mode. {@code tokenBudget} is the estimated prompt size above which the
 * transcript is summarized in chunks of {@code chunkTokens} first. {@code maxCompletionTokens} (env
 * {@code OPENAI_MAX_COMPLETION_TOKENS}, default 4000) bounds every answer. {@code prices} are USD per 1M tokens per
 * model.
 */
@ConfigurationProperties("app.openai")
public record OpenAiProperties(
        String apiKey,
        String baseUrl,
        String model,
        String promptVersion,
        int maxRetries,
        Duration timeout,
        int tokenBudget,
        int chunkTokens,
        int maxCompletionTokens,
        Map<String, Price> prices) {

    public OpenAiProperties {
        baseUrl = blank(baseUrl) ? "https://api.openai.com/v1" : baseUrl;
        model = blank(model) ? "gpt-5-mini" : model;
        promptVersion = blank(promptVersion) ? "sales-coach-v3" : promptVersion;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        tokenBudget = tokenBudget <= 0 ? 100_000 : tokenBudget;
        chunkTokens = chunkTokens <= 0 ? 30_000 : chunkTokens;
        maxCompletionTokens = maxCompletionTokens <= 0 ? 4000 : maxCompletionTokens;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    public boolean enabled() {
        return !blank(apiKey);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** USD per 1M input (prompt) and output (completion) tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", model=" + model + ", promptVersion=" + promptVersion
                + ", apiKey=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
