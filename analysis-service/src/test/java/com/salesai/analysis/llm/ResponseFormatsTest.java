package com.salesai.analysis.llm;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatsTest {

    @Test
    void derivesTheFormatTheSdkWouldSendAndOnlyOnce() {
        ResponseFormats formats = new ResponseFormats();

        var sdk = ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("u")
                .responseFormat(SalesCoachAnswer.class).build().rawParams().responseFormat().orElseThrow();

        assertThat(sdk.jsonSchema()).contains(formats.of(SalesCoachAnswer.class));
        assertThat(formats.of(SalesCoachAnswer.class)).isSameAs(formats.of(SalesCoachAnswer.class));
        assertThat(formats.of(ChunkNotes.class)).isNotEqualTo(formats.of(SalesCoachAnswer.class));
    }
}
