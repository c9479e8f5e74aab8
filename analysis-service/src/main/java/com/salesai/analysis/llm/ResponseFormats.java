package com.salesai.analysis.llm;

import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The structured-output response format of each answer record, derived once by openai-java's own
 * {@code responseFormat(Class)} (schema generation and local validation). The SDK derives it again for every
 * request built that way, which was about a third of analysis-service's CPU per call in the end-to-end benchmark.
 */
final class ResponseFormats {
    private final Map<Class<?>, ResponseFormatJsonSchema> formats = new ConcurrentHashMap<>();

    ResponseFormatJsonSchema of(Class<?> answerType) {
        return formats.computeIfAbsent(answerType, ResponseFormats::derive);
    }

    /** The SDK's public way to derive it is a request builder; its model and message are placeholders. */
    private static ResponseFormatJsonSchema derive(Class<?> answerType) {
        return ChatCompletionCreateParams.builder().model("derivation").addUserMessage("derivation")
                .responseFormat(answerType).build().rawParams().responseFormat()
                .flatMap(ChatCompletionCreateParams.ResponseFormat::jsonSchema)
                .orElseThrow(() -> new IllegalStateException("no JSON schema derived for " + answerType));
    }
}
