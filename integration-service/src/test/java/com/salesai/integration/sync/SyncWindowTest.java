package com.salesai.integration.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SyncWindowTest {
    private final Instant connected = Instant.parse("2026-12-01T09:00:00Z");
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Duration settle = Duration.ofMinutes(2);

    @Test
    void theFirstRunLooksFromTheConnectionLessTheOverlapAndLeavesOlderMeetingsToTheImport() {
        SyncWindow window = new SyncWindow(connected, null, now, settle);

        assertThat(window.createdAfter(Duration.ofHours(1))).isEqualTo(connected.minus(Duration.ofHours(1)));
        assertThat(window.decide(connected.minusSeconds(1))).isEqualTo(SyncWindow.Decision.BEFORE_CONNECTION);
        assertThat(window.decide(connected)).isEqualTo(SyncWindow.Decision.PUBLISH);
        assertThat(window.decide(now.minusSeconds(60))).isEqualTo(SyncWindow.Decision.UNSETTLED);
        assertThat(window.decide(null)).isEqualTo(SyncWindow.Decision.PUBLISH);
    }

    @Test
    void theWatermarkMovesToTheNewestHandledMeetingOnlyWhenTheListWasSeenToTheEnd() {
        Instant watermark = Instant.parse("2026-12-03T08:00:00Z");
        SyncWindow window = new SyncWindow(connected, watermark, now, settle);
        window.handled(Instant.parse("2026-12-03T09:30:00Z"));
        window.handled(Instant.parse("2026-12-03T09:10:00Z"));

        assertThat(window.createdAfter(Duration.ofHours(1))).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(window.nextWatermark(false)).isEqualTo(watermark);
        assertThat(window.nextWatermark(true)).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
    }

    @Test
    void aMeetingThatCouldNotBePublishedHoldsTheWatermarkSoItIsListedAgain() {
        Instant watermark = Instant.parse("2026-12-03T08:00:00Z");
        SyncWindow window = new SyncWindow(connected, watermark, now, settle);
        window.handled(Instant.parse("2026-12-03T09:30:00Z"));
        window.failed(Instant.parse("2026-12-03T09:00:00Z"));

        assertThat(window.nextWatermark(true)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void aWatermarkFromBeforeAReconnectionStartsAtTheNewConnection() {
        SyncWindow window = new SyncWindow(connected, connected.minus(Duration.ofDays(3)), now, settle);

        assertThat(window.createdAfter(Duration.ZERO)).isEqualTo(connected);
        assertThat(window.nextWatermark(true)).isEqualTo(connected);
    }
}
