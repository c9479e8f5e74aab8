package com.salesai.analysis.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockTimeTest {

    @Test
    void timestampsAreHoursMinutesSecondsOnTwoDigitsAtLeast() {
        assertThat(ClockTime.of(0)).isEqualTo("00:00:00");
        assertThat(ClockTime.of(3725)).isEqualTo("01:02:05");
        assertThat(ClockTime.of(86_399)).isEqualTo("23:59:59");
        assertThat(ClockTime.of(360_000)).isEqualTo("100:00:00");
        assertThat(ClockTime.of(-65)).isEqualTo("-00:01:05");
    }
}
