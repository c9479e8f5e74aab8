package com.salesai.dashboard.projection;

import com.salesai.dashboard.DashboardIntegrationTest;
import com.salesai.dashboard.TestEvents;
import com.salesai.schema.events.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An org's totals and buckets are its own, whatever its id looks like next to another org's keys. */
@DashboardIntegrationTest
class OrgBoundaryTest {
    static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
    static final LocalDate MONDAY_DAY = LocalDate.parse("2026-11-02");

    @Autowired
    CallProjection projection;
    @Autowired
    DayBucketStore store;

    @Test
    void anOrgNamedLikeAnotherOrgsWeekKeyReadsNoneOfItsTotals() {
        projection.on(TestEvents.recorded("org-boundary-1", "acme", "alice", "Alice", "Demo", MONDAY));
        projection.on(TestEvents.analyzed("org-boundary-1", "acme", "alice", 80, Outcome.WON, 0.4, MONDAY.plusSeconds(3_600)));

        // "acme|week" + "|" + Monday is the key of acme's week totals
        assertThat(store.totals("acme|week", MONDAY_DAY, MONDAY_DAY)).isEmpty();
        assertThat(store.totals("acme", MONDAY_DAY, MONDAY_DAY)).extracting(DayTotals::orgId).containsOnly("acme");
    }

    @Test
    void aBucketOfAnotherOrgIsNeverReturnedEvenByItsKey() {
        projection.on(TestEvents.recorded("org-boundary-2", "globex", "olga", "Olga", "Demo", MONDAY));

        assertThat(store.days("initech", List.of(DayBuckets.key("globex", MONDAY_DAY)))).isEmpty();
        assertThat(store.days("globex", List.of(DayBuckets.key("globex", MONDAY_DAY)))).hasSize(1);
    }
}
