package com.salesai.analysis.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.openai.core.JsonSchemaLocalValidation;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.salesai.analysis.settings.AnalysisSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The structured-output response formats, each derived once: an answer record's by openai-java's own
 * {@code responseFormat(Class)} (schema generation and local validation), and the evaluation's per scorecard. The SDK
 * derives a format again for every request built that way, which was about a third of analysis-service's CPU per call
 * in the end-to-end benchmark.
 */
final class ResponseFormats {
    static final String CRITERIA = "criteria";
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() { };
    private final Map<Class<?>, ResponseFormatJsonSchema> formats = new ConcurrentHashMap<>();
    private final Map<AnalysisSettings.Scorecard, ResponseFormatJsonSchema> evaluations = new ConcurrentHashMap<>();

    ResponseFormatJsonSchema of(Class<?> answerType) {
        return formats.computeIfAbsent(answerType, ResponseFormats::derive);
    }

    /**
     * {@link SalesCoachAnswer}'s format with its {@code criteria} map replaced by an object of one required property
     * per criterion key of {@code scorecard} (each a {@link SalesCoachAnswer.RubricScore}, described by the
     * criterion's label and description) and no other: strict structured output then demands every criterion.
     */
    ResponseFormatJsonSchema evaluation(AnalysisSettings.Scorecard scorecard) {
        return evaluations.computeIfAbsent(scorecard, ResponseFormats::deriveEvaluation);
    }

    /** The SDK's public way to derive it is a request builder; its model and message are placeholders. */
    private static ResponseFormatJsonSchema derive(Class<?> answerType) {
        return derive(answerType, JsonSchemaLocalValidation.YES);
    }

    private static ResponseFormatJsonSchema derive(Class<?> answerType, JsonSchemaLocalValidation validation) {
        return ChatCompletionCreateParams.builder().model("derivation").addUserMessage("derivation")
                .responseFormat(answerType, validation).build().rawParams().responseFormat()
                .flatMap(ChatCompletionCreateParams.ResponseFormat::jsonSchema)
                .orElseThrow(() -> new IllegalStateException("no JSON schema derived for " + answerType));
    }

    @SuppressWarnings("unchecked")
    private static ResponseFormatJsonSchema deriveEvaluation(AnalysisSettings.Scorecard scorecard) {
        // a map is no strict schema: derived without the SDK's check, then the map replaced by explicit properties
        ResponseFormatJsonSchema answer = derive(SalesCoachAnswer.class, JsonSchemaLocalValidation.NO);
        Map<String, Object> root = tree(answer.jsonSchema()._schema());
        Map<String, Object> rubric = tree(derive(SalesCoachAnswer.RubricScore.class).jsonSchema()._schema());
        rubric.remove("$schema");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (AnalysisSettings.Criterion criterion : scorecard.criteria()) {
            Map<String, Object> property = new LinkedHashMap<>(rubric);
            property.put("description", criterion.label()
                    + (criterion.description().isBlank() ? "" : " : " + criterion.description()));
            properties.put(criterion.key(), property);
            keys.add(criterion.key());
        }
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("type", "object");
        criteria.put("description", ((Map<String, Object>) ((Map<String, Object>) root.get("properties"))
                .get(CRITERIA)).get("description"));
        criteria.put("properties", properties);
        criteria.put("required", keys);
        criteria.put("additionalProperties", false);
        ((Map<String, Object>) root.get("properties")).put(CRITERIA, criteria);
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        root.forEach((name, value) -> schema.putAdditionalProperty(name, JsonValue.from(value)));
        return answer.toBuilder().jsonSchema(answer.jsonSchema().toBuilder().schema(schema.build()).build()).build();
    }

    private static Map<String, Object> tree(Object schema) {
        return ObjectMappers.jsonMapper().convertValue(schema, TREE);
    }
}
