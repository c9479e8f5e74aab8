package com.salesai.bench.dashboard;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded documents carry the flat fields dashboard-api queries on; the query paths parse as it expects. */
class CallRecordSeedTest {

    @Test
    void documentsHaveTheProjectionShapeAndSpreadOverOrgsRepsAndTheYear() {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        Random random = new Random(1);
        Set<String> orgs = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Document call = CallRecordSeed.call(i, random, end);
            Document recorded = call.get("recorded", Document.class);
            Document analysis = call.get("analysis", Document.class);
            assertThat(call.getString("orgId")).isEqualTo(recorded.getString("orgId"));
            assertThat(call.getString("status")).isEqualTo("evaluated");
            assertThat(recorded.get("startedAt", Date.class).toInstant())
                    .isBetween(end.minusSeconds(366L * 86_400), end);
            assertThat(LocalDate.parse(recorded.getString("weekStart")).getDayOfWeek().getValue()).isEqualTo(1);
            assertThat(analysis.getInteger("overallScore")).isBetween(0, 100);
            assertThat(call.getInteger("effectiveScore")).as("unreviewed: the AI's")
                    .isEqualTo(analysis.getInteger("overallScore"));
            // written as the projection writes it, so dashboard-api's start-up has no criteria to back-fill
            assertThat(call.getList("criteria", Document.class)).extracting(c -> c.getString("key"))
                    .containsExactly(CallRecordSeed.CRITERIA);
            assertThat(call.getList("criteria", Document.class)).allSatisfy(c ->
                    assertThat(c.getInteger("score")).isBetween(1, 5));
            orgs.add(call.getString("orgId"));
            users.add(call.getString("userId"));
        }
        assertThat(orgs).hasSize(CallRecordSeed.ORGS);
        assertThat(users).hasSize(CallRecordSeed.REPS);
    }

    @Test
    void queryPathsStayWithinWhatTheApiAccepts() {
        LocalDate today = LocalDate.parse("2026-06-01");
        for (long n = 0; n < 24; n++) {
            assertThat(DashboardQueryBenchmark.callsPath(n, today, n % 2 == 0)).startsWith("/api/calls?from=").contains("size=20");
            assertThat(DashboardQueryBenchmark.summaryPath(n, today)).startsWith("/api/dashboard/summary");
        }
    }
}
