package com.salesai.dashboard;

import com.salesai.dashboard.projection.CallProjection;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.SkipReason;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A deterministic mixed set of calls applied through the projection, to compare read paths on: evaluated (some
 * flagged), metrics-only, skipped, failed, pending and analysis-only calls of several reps over {@value #DAYS} days
 * before {@code end}, some recorded twice with a later start (moving day), some shared with the rep rather than
 * recorded by them, in teams that (like names) change over time; every seventh evaluated call reviewed by a manager
 * (its one criterion rescored, so its effective score differs from the AI's), some reviews arriving before the
 * analysis; every third evaluated call scored on the five default criteria, the others on discovery alone.
 */
public final class ReadModelSeed {

    public static final int DAYS = 120;
    public static final String[] TEAMS = {null, "Enterprise", "SMB"};
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final SkipReason[] SKIP_REASONS = SkipReason.values();

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
            int kind = random.nextInt(11);
            String team = TEAMS[random.nextInt(TEAMS.length)];
            Attribution attribution = random.nextInt(8) == 0 ? Attribution.SHARED : Attribution.RECORDER;
            if (kind != 9) {
                String name = "Rep " + userId + (random.nextBoolean() ? "" : " (new)");
                projection.on(TestEvents.recorded(callId, orgId, userId, name, "Call " + i, startedAt, team,
                        attribution));
            }
            if (kind == 8) {
                Instant moved = startedAt.plusSeconds(3_600L * (1 + random.nextInt(60)));
                if (moved.isBefore(last)) {
                    projection.on(TestEvents.recorded(callId, orgId, userId, "Rep " + userId, "Moved " + i, moved,
                            team, attribution));
                }
            }
            Instant analyzedAt = startedAt.plusSeconds(7_200);
            if (kind <= 5 || kind == 9) {
                CallAnalyzed one = TestEvents.analyzed(callId, orgId, userId, random.nextInt(101),
                        OUTCOMES[random.nextInt(OUTCOMES.length)], Math.round(random.nextDouble() * 1000) / 1000.0,
                        analyzedAt);
                CallAnalyzed analyzed = i % 3 == 0 ? TestEvents.onFiveCriteria(one, one.evaluation().overallScore())
                        : one;
                // decided from the index, not the random sequence, so the calls seeded are the same as without reviews
                CallReviewed review = i % 7 == 0 ? TestEvents.reviewed(callId, orgId, "boss",
                        analyzedAt.plusSeconds(60), null, "discovery", 1 + i % 5) : null;
                if (review != null && i % 2 == 0) {
                    projection.on(review);
                }
                projection.on(random.nextInt(4) == 0
                        ? TestEvents.flagged(analyzed, CallAnalyzed.FLAG_POSSIBLE_PROMPT_INJECTION) : analyzed);
                if (review != null && i % 2 == 1) {
                    projection.on(review);
                }
            } else if (kind == 6) {
                projection.on(TestEvents.metricsOnly(callId, orgId, userId, 0.25, analyzedAt));
            } else if (kind == 7) {
                projection.on(TestEvents.failed(callId, orgId, userId, analyzedAt));
            } else if (kind == 10) {
                projection.on(TestEvents.skipped(callId, orgId, userId,
                        SKIP_REASONS[random.nextInt(SKIP_REASONS.length)], analyzedAt));
            }
        }
    }
}
