package com.salesai.analysis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.salesai.analysis.settings.ScorecardPresets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatsTest {

    @Test
    void derivesTheFormatTheSdkWouldSendAndOnlyOnce() {
        ResponseFormats formats = new ResponseFormats();

        var sdk = ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("u")
                .responseFormat(ChunkNotes.class).build().rawParams().responseFormat().orElseThrow();

        assertThat(sdk.jsonSchema()).contains(formats.of(ChunkNotes.class));
        assertThat(formats.of(ChunkNotes.class)).isSameAs(formats.of(ChunkNotes.class));
    }

    @Test
    void theEvaluationSchemaRequiresEachCriterionOfTheScorecardAndNoOther() {
        ResponseFormats formats = new ResponseFormats();
        var meddic = ScorecardPresets.of("meddic", "en", 2).orElseThrow();

        var schema = ObjectMappers.jsonMapper().valueToTree(formats.evaluation(meddic).jsonSchema()._schema());
        var criteria = schema.get("properties").get(ResponseFormats.CRITERIA);

        assertThat(criteria.get("required").toString()).isEqualTo("[\"metrics\",\"economic_buyer\","
                + "\"decision_criteria\",\"decision_process\",\"identify_pain\",\"champion\"]");
        assertThat(names(criteria.get("properties"))).containsExactly("metrics", "economic_buyer",
                "decision_criteria", "decision_process", "identify_pain", "champion");
        assertThat(criteria.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(criteria.get("properties").get("champion").get("description").asText())
                .startsWith("Champion : ");
        assertThat(names(criteria.get("properties").get("champion").get("properties")))
                .containsExactlyInAnyOrder("score", "evidence");
        assertThat(schema.get("required").toString()).contains("\"criteria\"", "\"outcome\"", "\"coaching\"");
        assertThat(schema.toString()).doesNotContain("$ref");
        assertThat(formats.evaluation(meddic)).isSameAs(formats.evaluation(meddic));
        assertThat(formats.evaluation(ScorecardPresets.defaultScorecard("en"))).isNotEqualTo(formats.evaluation(meddic));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
