package com.salesai.dashboard.calls;

import com.salesai.dashboard.web.BadParameterException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallListQueryTest {

    /** The query of {@code name, value, name, value...}; a null value is an absent parameter. */
    static CallListQuery parse(String... namesAndValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CallListQuery.parse(params);
    }

    @Test
    void defaultsToNewestFirstFirstPageOf20() {
        CallListQuery q = parse("q", " ");
        assertThat(q.sortField()).isEqualTo(CallListQuery.SortField.STARTED_AT);
        assertThat(q.descending()).isTrue();
        assertThat(q.page()).isZero();
        assertThat(q.size()).isEqualTo(20);
        assertThat(q.q()).isNull();
    }

    @Test
    void datesCoverWholeUtcDaysAndInstantsAreTakenAsGiven() {
        CallListQuery days = parse("from", "2026-10-01", "to", "2026-10-02");
        assertThat(days.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(days.toExclusive()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
        CallListQuery instants = parse("from", "2026-10-01T08:00:00Z", "to", "2026-10-01T09:00:00Z",
                "sort", "overallScore,ASC", "page", "2", "size", "100");
        assertThat(instants.toExclusive()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(instants.sortField()).isEqualTo(CallListQuery.SortField.OVERALL_SCORE);
        assertThat(instants.descending()).isFalse();
        assertThat(instants.size()).isEqualTo(100);
    }

    @Test
    void sortsByTheScoreThatCountsOrByTheAis() {
        assertThat(parse("sort", "effectiveScore").sortField()).isEqualTo(CallListQuery.SortField.EFFECTIVE_SCORE);
        assertThat(parse("sort", "effectiveScore").descending()).isTrue();
        assertThat(parse("sort", "overallScore,asc").sortField()).isEqualTo(CallListQuery.SortField.OVERALL_SCORE);
        assertThatThrownBy(() -> parse("sort", "reviewedScore")).hasMessageContaining("effectiveScore");
    }

    @Test
    void readsSkippedStatusAttributionTeamAndReviewFlag() {
        CallListQuery q = parse("status", "skipped", "attribution", "shared", "team", " Enterprise EMEA ",
                "reviewFlag", "possible_prompt_injection");
        assertThat(q.status()).isEqualTo("skipped");
        assertThat(q.attribution()).isEqualTo("shared");
        assertThat(q.team()).isEqualTo("Enterprise EMEA");
        assertThat(q.reviewFlag()).isEqualTo("possible_prompt_injection");
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertBad("minScore", "minScore", "-1");
        assertBad("sort", "sort", "startedAt,up");
        assertBad("size", "size", "0");
        assertBad("attribution", "attribution", "colleague");
        assertBad("reviewFlag", "reviewFlag", "Possible Injection");
        assertBad("team", "team", "t".repeat(CallListQuery.MAX_TEAM_LENGTH + 1));
        assertThatThrownBy(() -> parse("status", "erased")).hasMessageContaining("pending, evaluated, failed, skipped");
    }

    @Test
    void escapedSearchMatchesMetacharactersLiterally() {
        Pattern pattern = Pattern.compile(CallQueries.escapeRegex("a.b*(c)[d]$"), Pattern.CASE_INSENSITIVE);
        assertThat(pattern.matcher("x A.B*(C)[D]$ y").find()).isTrue();
        assertThat(pattern.matcher("axbbbc d").find()).isFalse();
    }

    private static void assertBad(String parameter, String name, String value) {
        assertThatThrownBy(() -> parse(name, value)).isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo(parameter));
    }
}
