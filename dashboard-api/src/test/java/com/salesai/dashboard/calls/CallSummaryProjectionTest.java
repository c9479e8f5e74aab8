package com.salesai.dashboard.calls;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.ReadModelSeed;
import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.dashboard.projection.CallRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The projected, directly mapped list items equal the items built from the whole record, field for field. */
@DashboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallSummaryProjectionTest {

    static final String ORG = "org-projection";

    @Autowired
    CallProjection projection;
    @Autowired
    CallQueries queries;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    void seed() {
        ReadModelSeed.seed(projection, ORG, 120, LocalDate.parse("2026-10-31"), 5);
    }

    @Test
    void everyFieldOfAListItemSurvivesTheProjection() throws Exception {
        Caller head = new Caller("boss", ORG, Caller.Role.HEAD_OF_SALES, "Boss");
        List<CallSummary> listed = queries.listRecords(head, CallListQueryTest.parse("size", "100")).items();
        Map<String, CallSummary> whole = mongo.find(Query.query(Criteria.where("orgId").is(ORG)), CallRecord.class)
                .stream().map(CallSummary::of).collect(Collectors.toMap(CallSummary::callId, Function.identity()));

        assertThat(listed).hasSize(100);
        for (CallSummary item : listed) {
            assertThat(item).isEqualTo(whole.get(item.callId()));
        }
        // a field left out of the projection would read null (or false/empty) on every item
        for (RecordComponent field : CallSummary.class.getRecordComponents()) {
            boolean anySet = false;
            for (CallSummary item : listed) {
                Object value = field.getAccessor().invoke(item);
                anySet |= value != null && !Boolean.FALSE.equals(value) && !List.of().equals(value);
            }
            assertThat(anySet).as("some listed call has %s", field.getName()).isTrue();
        }
    }
}
