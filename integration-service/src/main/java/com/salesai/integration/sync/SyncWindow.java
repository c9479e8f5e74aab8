package com.salesai.integration.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * The decisions of one sync run of one integration, without I/O: which listed meetings are the sync's to publish,
 * and where the watermark goes. Meetings created before the user connected are the import's job; meetings younger
 * than the settle time may still get their webhook. The watermark moves to the newest meeting handled, but not past
 * one whose publish failed (it must be listed again), and not at all when the run stopped before the end of the
 * list (Fathom lists newest first, so the unseen ones are older).
 */
final class SyncWindow {
    enum Decision { BEFORE_CONNECTION, UNSETTLED, PUBLISH }

    private final Instant connectedAt;
    private final Instant watermark;
    private final Instant settledBefore;
    private Instant newest;
    private Instant oldestFailed;

    /** @param storedWatermark the previous run's, or null before the first run */
    SyncWindow(Instant connectedAt, Instant storedWatermark, Instant now, Duration settle) {
        this.connectedAt = connectedAt;
        this.watermark = storedWatermark == null || storedWatermark.isBefore(connectedAt) ? connectedAt
                : storedWatermark;
        this.settledBefore = now.minus(settle);
    }

    /** The {@code created_after} of this run. */
    Instant createdAfter(Duration overlap) {
        return watermark.minus(overlap);
    }

    /** @param createdAt null when Fathom sent none (then it cannot be placed, and is published) */
    Decision decide(Instant createdAt) {
        if (createdAt == null) {
            return Decision.PUBLISH;
        }
        if (createdAt.isBefore(connectedAt)) {
            return Decision.BEFORE_CONNECTION;
        }
        return createdAt.isAfter(settledBefore) ? Decision.UNSETTLED : Decision.PUBLISH;
    }

    void handled(Instant createdAt) {
        if (createdAt != null && (newest == null || createdAt.isAfter(newest))) {
            newest = createdAt;
        }
    }

    void failed(Instant createdAt) {
        if (createdAt != null && (oldestFailed == null || createdAt.isBefore(oldestFailed))) {
            oldestFailed = createdAt;
        }
    }

    /** @param listedToTheEnd whether the run saw the whole list (or stopped at its meeting cap, see SyncRunner) */
    Instant nextWatermark(boolean listedToTheEnd) {
        if (!listedToTheEnd || newest == null) {
            return watermark;
        }
        Instant next = oldestFailed != null && oldestFailed.isBefore(newest) ? oldestFailed : newest;
        return next.isAfter(watermark) ? next : watermark;
    }
}
