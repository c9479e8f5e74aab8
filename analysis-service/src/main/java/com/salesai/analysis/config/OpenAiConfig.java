package com.salesai.analysis.config;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.salesai.analysis.llm.ChunkNotesStore;
import com.salesai.analysis.llm.OpenAiProperties;
import com.salesai.analysis.llm.SalesCoach;
import com.salesai.platform.tracing.ClientSpans;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAI client and the sales coach exist only when an API key is configured (else: metrics-only mode). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${app.openai.api-key:}'.isBlank()")
class OpenAiConfig {

    @Bean(destroyMethod = "close")
    OpenAIClient openAiClient(OpenAiProperties openAi) {
        return OpenAIOkHttpClient.builder()
                .apiKey(openAi.apiKey())
                .baseUrl(openAi.baseUrl())
                .maxRetries(openAi.maxRetries())
                .timeout(openAi.timeout())
                .build();
    }

    @Bean
    SalesCoach salesCoach(OpenAIClient client, OpenAiProperties openAi, MeterRegistry meters,
                          ChunkNotesStore chunkNotes, ClientSpans spans) {
        return new SalesCoach(client, openAi, meters, chunkNotes, spans);
    }
}
