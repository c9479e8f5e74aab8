package com.salesai.dashboard.summary;

import com.salesai.dashboard.web.BadParameterException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryRangeTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void defaultsToTheLast30DaysIncludingToday() {
        SummaryRange range = SummaryRange.parse(null, null, TODAY);
        assertThat(range.from()).isEqualTo(LocalDate.parse("2026-10-27"));
        assertThat(range.to()).isEqualTo(TODAY);
        assertThat(range.days()).isEqualTo(30);
    }

    @Test
    void previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        SummaryRange previous = SummaryRange.parse("2026-09-01", "2026-09-14", TODAY).previous();
        assertThat(previous.from()).isEqualTo(LocalDate.parse("2026-08-18"));
        assertThat(previous.to()).isEqualTo(LocalDate.parse("2026-08-31"));
    }

    @Test
    void accepts366DaysAndRejects367() {
        assertThat(SummaryRange.parse("2025-01-01", "2026-01-01", TODAY).days()).isEqualTo(366);
        assertThatThrownBy(() -> SummaryRange.parse("2025-01-01", "2026-01-02", TODAY))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("366");
    }
}
