package com.salesai.dashboard;

import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A deterministic mixed set of calls applied through the projection, to compare read paths on: evaluated,
 * metrics-only, failed, pending and analysis-only calls of several reps over {@value #DAYS} days before {@code end},
 * some recorded twice with a later start (moving day), with names that change over time.
 */
public final class ReadModelSeed {

    public static final int DAYS = 120;
    private static final Outcome[] OUTCOMES = Outcome.values();

    private ReadModelSeed() {
    }

    public static void seed(CallProjection projection, String orgId, int calls, LocalDate end, long randomSeed) {
        Random random = new Random(randomSeed);
        Instant last = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < calls; i++) {
            String callId = orgId + "-call-" + i;
            String userId = "rep-" + random.nextInt(5);
            // whole minutes, several calls per minute on purpose: ties are broken by callId
            Instant startedAt = last.minusSeconds(60 + 60L * random.nextInt(DAYS * 1440));
            int kind = random.nextInt(10);
            if (kind != 9) {
                String name = "Rep " + userId + (random.nextBoolean() ? "" : " (new)");
                projection.on(TestEvents.recorded(callId, orgId, userId, name, "Call " + i, startedAt));
            }
            if (kind == 8) {
                Instant moved = startedAt.plusSeconds(3_600L * (1 + random.nextInt(60)));
                if (moved.isBefore(last)) {
                    projection.on(TestEvents.recorded(callId, orgId, userId, "Rep " + userId, "Moved " + i, moved));
                }
            }
            Instant analyzedAt = startedAt.plusSeconds(7_200);
            if (kind <= 5 || kind == 9) {
                projection.on(TestEvents.analyzed(callId, orgId, userId, random.nextInt(101),
                        OUTCOMES[random.nextInt(OUTCOMES.length)], Math.round(random.nextDouble() * 1000) / 1000.0,
                        analyzedAt));
            } else if (kind == 6) {
                projection.on(TestEvents.metricsOnly(callId, orgId, userId, 0.25, analyzedAt));
            } else if (kind == 7) {
                projection.on(TestEvents.failed(callId, orgId, userId, analyzedAt));
            }
        }
    }
}
