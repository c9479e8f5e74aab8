package com.salesai.dashboard.calls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each list order ends with tie-breakers, and an ascending order is the descending one reversed field by field, so a
 * real MongoDB walks one compound index (CallRecordIndexes) backwards instead of sorting every match in memory.
 */
class CallQueriesSortTest {

    @ParameterizedTest
    @ValueSource(strings = {"startedAt", "overallScore", "effectiveScore"})
    void theAscendingOrderIsTheDescendingOneReversed(String field) {
        List<Sort.Order> descending = CallQueries.sort(CallListQuery.parse(Map.of("sort", field + ",desc"))).toList();
        List<Sort.Order> ascending = CallQueries.sort(CallListQuery.parse(Map.of("sort", field + ",asc"))).toList();

        assertThat(descending).last().satisfies(order -> assertThat(order.getProperty()).isEqualTo("_id"));
        assertThat(ascending).extracting(Sort.Order::getProperty)
                .containsExactlyElementsOf(descending.stream().map(Sort.Order::getProperty).toList());
        for (int i = 0; i < descending.size(); i++) {
            assertThat(ascending.get(i).getDirection()).isNotEqualTo(descending.get(i).getDirection());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overallScore", "effectiveScore"})
    void aScoreSortBreaksTiesNewestFirstThenByCallId(String field) {
        assertThat(CallQueries.sort(CallListQuery.parse(Map.of("sort", field))).toList())
                .extracting(order -> order.getProperty() + ":" + order.getDirection())
                .containsExactly(field.equals("overallScore") ? "analysis.overallScore:DESC" : "effectiveScore:DESC",
                        "recorded.startedAt:DESC", "_id:ASC");
    }
}
