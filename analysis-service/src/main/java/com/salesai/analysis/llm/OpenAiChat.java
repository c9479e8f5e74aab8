package com.salesai.analysis.llm;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletionMessage;
import com.salesai.platform.tracing.ClientSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One structured-output chat request: the JSON schema given (derived once, {@link ResponseFormats}), and the answer
 * parsed back into its record by the SDK. Records
 * latency, tokens and cost per request, whatever happens to the answer afterwards (the tokens were spent).
 * Every request is bounded by {@code maxCompletionTokens}. 429/5xx/timeouts are retried by the SDK
 * ({@code maxRetries}) and then thrown to the caller.
 */
final class OpenAiChat {
    private static final Logger log = LoggerFactory.getLogger(OpenAiChat.class);

    private final OpenAIClient client;
    private final String model;
    private final long maxCompletionTokens;
    private final PriceTable prices;
    private final MeterRegistry meters;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter costUsd;
    private final ClientSpans spans;

    OpenAiChat(OpenAIClient client, String model, long maxCompletionTokens, PriceTable prices, MeterRegistry meters,
               ClientSpans spans) {
        this.client = client;
        this.spans = spans;
        this.model = model;
        this.maxCompletionTokens = maxCompletionTokens;
        this.prices = prices;
        this.meters = meters;
        this.promptTokens = Counter.builder("analysis.llm.tokens").tag("type", "prompt")
                .description("LLM tokens spent").register(meters);
        this.completionTokens = Counter.builder("analysis.llm.tokens").tag("type", "completion")
                .description("LLM tokens spent").register(meters);
        this.costUsd = Counter.builder("analysis.llm.cost.usd").description("Estimated LLM cost in USD").register(meters);
        if (!prices.knows(model)) {
            log.warn("No price configured for model {}: cost will be reported as unknown", model);
        }
    }

    String model() {
        return model;
    }

    <T> T ask(String callId, String step, String system, String user, Class<T> answerType,
              ResponseFormatJsonSchema format, UsageTally tally) {
        tally.requestSent();
        long started = System.nanoTime();
        String outcome = "error";
        try {
            // one client span for the request and the SDK's retries of it, its traceparent on every attempt
            StructuredChatCompletion<T> completion = spans.request("chat " + model, "openai",
                    headers -> client.chat().completions().create(params(system, user, answerType, format, headers)));
            outcome = "ok";
            completion.usage().ifPresent(usage -> account(usage.promptTokens(), usage.completionTokens(), tally));
            return content(callId, step, completion);
        } finally {
            long nanos = System.nanoTime() - started;
            Timer.builder("analysis.llm.latency").tag("step", step).tag("outcome", outcome)
                    .description("Latency of one OpenAI request, SDK retries included").register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
            log.info("OpenAI {} request for call {}: {} in {} ms", step, callId, outcome, nanos / 1_000_000);
        }
    }

    private <T> StructuredChatCompletionCreateParams<T> params(String system, String user, Class<T> answerType,
                                                               ResponseFormatJsonSchema format,
                                                               Map<String, String> headers) {
        var request = ChatCompletionCreateParams.builder();
        headers.forEach(request::putAdditionalHeader);
        return new StructuredChatCompletionCreateParams<>(answerType, request
                .model(model)
                .maxCompletionTokens(maxCompletionTokens)
                .addSystemMessage(system)
                .addUserMessage(user)
                .responseFormat(format)
                .build());
    }

    private void account(long prompt, long completion, UsageTally tally) {
        BigDecimal cost = prices.costUsd(model, prompt, completion);
        promptTokens.increment(prompt);
        completionTokens.increment(completion);
        if (cost != null) {
            costUsd.increment(cost.doubleValue());
        }
        tally.add(prompt, completion, cost);
    }

    private static <T> T content(String callId, String step, StructuredChatCompletion<T> completion) {
        StructuredChatCompletionMessage<T> message = completion.choices().stream()
                .map(StructuredChatCompletion.Choice::message).findFirst()
                .orElseThrow(() -> new InvalidModelAnswerException("no choice in the " + step + " answer"));
        if (message.refusal().isPresent()) {
            throw new InvalidModelAnswerException("model refused the " + step + " request for call " + callId);
        }
        try {
            return message.content()
                    .orElseThrow(() -> new InvalidModelAnswerException("empty " + step + " answer"));
        } catch (OpenAIInvalidDataException e) {
            throw new InvalidModelAnswerException("the " + step + " answer does not match its JSON schema", e);
        }
    }
}
