package com.salesai.dashboard.calls;

import com.salesai.dashboard.web.BadParameterException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallListQueryTest {

    @Test
    void defaultsToNewestFirstFirstPageOf20() {
        CallListQuery q = CallListQuery.parse(null, null, null, null, null, null, " ", null, null, null);
        assertThat(q.sortField()).isEqualTo(CallListQuery.SortField.STARTED_AT);
        assertThat(q.descending()).isTrue();
        assertThat(q.page()).isZero();
        assertThat(q.size()).isEqualTo(20);
        assertThat(q.q()).isNull();
    }

    @Test
    void datesCoverWholeUtcDaysAndInstantsAreTakenAsGiven() {
        CallListQuery days = CallListQuery.parse(null, null, null, "2026-10-01", "2026-10-02", null, null, null,
                null, null);
        assertThat(days.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(days.toExclusive()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
        CallListQuery instants = CallListQuery.parse(null, null, null, "2026-10-01T08:00:00Z",
                "2026-10-01T09:00:00Z", null, null, "overallScore,ASC", "2", "100");
        assertThat(instants.toExclusive()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(instants.sortField()).isEqualTo(CallListQuery.SortField.OVERALL_SCORE);
        assertThat(instants.descending()).isFalse();
        assertThat(instants.size()).isEqualTo(100);
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> CallListQuery.parse(null, null, null, null, null, "-1", null, null, null, null))
                .isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("minScore"));
        assertThatThrownBy(() -> CallListQuery.parse(null, null, null, null, null, null, null, "startedAt,up", null,
                null)).satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("sort"));
        assertThatThrownBy(() -> CallListQuery.parse(null, null, null, null, null, null, null, null, null, "0"))
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("size"));
    }

    @Test
    void escapedSearchMatchesMetacharactersLiterally() {
        Pattern pattern = Pattern.compile(CallQueries.escapeRegex("a.b*(c)[d]$"), Pattern.CASE_INSENSITIVE);
        assertThat(pattern.matcher("x A.B*(C)[D]$ y").find()).isTrue();
        assertThat(pattern.matcher("axbbbc d").find()).isFalse();
    }
}
