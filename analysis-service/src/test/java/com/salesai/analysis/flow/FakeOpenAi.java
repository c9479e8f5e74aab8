package com.salesai.analysis.flow;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A WireMock server standing in for OpenAI's chat completions endpoint, and canned answers. */
final class FakeOpenAi {
    static final String PATH = "/v1/chat/completions";
    static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private FakeOpenAi() {
    }

    static String baseUrl() {
        return "http://localhost:" + SERVER.port() + "/v1";
    }

    /** A chat completion whose message content is {@code answer} serialized as JSON. */
    static ResponseDefinitionBuilder completion(Object answer, long promptTokens, long completionTokens) {
        String content = JSON.writeValueAsString(answer);
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1_763_600_000L, "model", "gpt-5-mini",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }

    /** An OpenAI error; retry-after-ms keeps the SDK's own retry wait tiny. */
    static ResponseDefinitionBuilder error(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("retry-after-ms", "5")
                .withBody("{\"error\":{\"message\":\"fake " + status + "\",\"type\":\"server_error\"}}");
    }

    /**
     * A valid evaluation of {@link Calls#call}: discovery ({@code discoveryScore}), active listening (4) and next
     * steps (5) quote its transcript; value proposition (2) and objection handling (3) have no quote.
     */
    static Map<String, Object> evaluation(int discoveryScore) {
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("discovery", rubric(discoveryScore, "qu'est-ce qui vous amène ?", "00:00:00"));
        criteria.put("active_listening", rubric(4, "Combien de temps par semaine ?", "00:00:30"));
        criteria.put("value_proposition", Map.of("score", 2, "evidence", List.of()));
        criteria.put("objection_handling", Map.of("score", 3, "evidence", List.of()));
        criteria.put("next_steps", rubric(5, "On fixe une démo jeudi avec votre directeur ?", "00:00:50"));
        return answer(criteria);
    }

    /** A valid answer scoring {@code criteria} (criterion key → rubric), the rest as {@link #evaluation(int)}. */
    static Map<String, Object> answer(Map<String, Object> criteria) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("criteria", new LinkedHashMap<>(criteria));
        answer.put("outcome", "advanced");
        answer.put("summary", "Bob loses five hours a week per rep; a demo is set for Thursday.");
        answer.put("strengths", List.of("Quantified the pain"));
        answer.put("improvements", List.of("Tie the value proposition to the five hours"));
        answer.put("nextSteps", List.of(Map.of("action", "Demo on Thursday with the director", "owner", "Alice Martin")));
        answer.put("risks", List.of("Decision maker not met yet"));
        answer.put("coaching", "Good discovery: you quantified the pain. Next time, link your offer to it.");
        return answer;
    }

    /** {@link #evaluation} with one criterion's answer replaced. */
    static Map<String, Object> evaluation(String criterion, Map<String, Object> rubric) {
        Map<String, Object> answer = evaluation(4);
        criteria(answer).put(criterion, rubric);
        return answer;
    }

    /** The criteria of an answer, to change one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> criteria(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("criteria");
    }

    static Map<String, Object> rubric(int score, String quote, String timestamp) {
        return Map.of("score", score, "evidence", List.of(Map.of("quote", quote, "timestamp", timestamp)));
    }

    static Map<String, Object> chunkNotes(String note) {
        return Map.of("notes", List.of(Map.of("timestamp", "00:01:00", "note", note)));
    }
}
