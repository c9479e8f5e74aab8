package com.salesai.integration.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The catch-up sync.
 *
 * @param interval    how often each active integration is synced ({@code FATHOM_SYNC_INTERVAL}, 15 min); zero or
 *                    negative turns the sync off
 * @param overlap     how far before the watermark each run looks again ({@code FATHOM_SYNC_OVERLAP}, 1 h)
 * @param maxMeetings meetings looked at per integration and run ({@code FATHOM_SYNC_MAX_MEETINGS}, 200)
 * @param settle      meetings younger than this are left to their webhook, still on its way, until a later run
 *                    ({@code FATHOM_SYNC_SETTLE}, 2 min)
 * @param leaseTtl    how long one instance holds an integration's sync before another may take it over
 * @param threads     integrations synced at once by this instance (each waits for its key's permits)
 */
@ConfigurationProperties("app.sync")
record SyncProperties(Duration interval, Duration overlap, int maxMeetings, Duration settle, Duration leaseTtl,
                      int threads) {
    SyncProperties {
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        overlap = overlap == null ? Duration.ofHours(1) : overlap;
        maxMeetings = maxMeetings <= 0 ? 200 : maxMeetings;
        settle = settle == null ? Duration.ofMinutes(2) : settle;
        leaseTtl = leaseTtl == null ? Duration.ofMinutes(30) : leaseTtl;
        threads = threads <= 0 ? 2 : threads;
    }

    boolean enabled() {
        return !interval.isZero() && !interval.isNegative();
    }

    /** Due integrations are looked for five times per interval, so each is synced within about 1.2 intervals. */
    Duration tick() {
        return interval.dividedBy(5).compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100)
                : interval.dividedBy(5);
    }
}
