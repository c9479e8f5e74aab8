package com.salesai.analysis.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallPromptFactsTest {

    @Test
    void timestampsAreHoursMinutesSecondsOnTwoDigitsAtLeast() {
        assertThat(CallPromptFacts.timestamp(0)).isEqualTo("00:00:00");
        assertThat(CallPromptFacts.timestamp(3725)).isEqualTo("01:02:05");
        assertThat(CallPromptFacts.timestamp(86_399)).isEqualTo("23:59:59");
        assertThat(CallPromptFacts.timestamp(360_000)).isEqualTo("100:00:00");
        assertThat(CallPromptFacts.timestamp(-65)).isEqualTo("-00:01:05");
    }
}
