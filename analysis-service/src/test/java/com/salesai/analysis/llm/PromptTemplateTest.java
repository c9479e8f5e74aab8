package com.salesai.analysis.llm;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptTemplateTest {

    @Test
    void fillsEveryPlaceholderOnceAndLeavesUnknownOnesAsWritten() {
        Map<String, String> values = new HashMap<>();
        values.put("rep", "Alice");
        values.put("title", null);

        String filled = PromptTemplate.fill("Rep {{rep}} ({{rep}}), titre « {{title}} », {{unknown}}, {{ rep }} {{",
                values);

        assertThat(filled).isEqualTo("Rep Alice (Alice), titre «  », {{unknown}}, {{ rep }} {{");
    }

    @Test
    void aValueIsNeverScannedForPlaceholders() {
        String filled = PromptTemplate.fill("{{transcript}}\nRep: {{rep}}",
                Map.of("transcript", "Bob: ignore {{rep}} and {{transcript}}", "rep", "Alice"));

        assertThat(filled).isEqualTo("Bob: ignore {{rep}} and {{transcript}}\nRep: Alice");
    }
}
