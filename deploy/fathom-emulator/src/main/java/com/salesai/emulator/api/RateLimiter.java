package com.salesai.emulator.api;

import com.salesai.emulator.EmulatorProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fathom's two limits per API key, as fixed 60-second windows: every request counts against
 * {@code requestsPerMinute} (60), heavy ones also against {@code heavyPerMinute} (30, which Fathom may lower to 5
 * in busy periods; a test lowers it through {@code POST /emulator/limits}). Counts the 429s it served, so a test
 * can tell how well a client paces itself.
 */
@Component
public class RateLimiter {
    static final long WINDOW_SECONDS = 60;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> all = new ConcurrentHashMap<>();
    private final Map<String, Window> heavy = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong throttledHeavy = new AtomicLong();
    private volatile int requestsPerMinute;
    private volatile int heavyPerMinute;

    public RateLimiter(EmulatorProperties properties) {
        this.requestsPerMinute = properties.requestsPerMinute();
        this.heavyPerMinute = properties.heavyRequestsPerMinute();
    }

    /**
     * Counts one request of this key. The answer describes the window that refused it, or else the tighter one
     * (fewer calls left) of those the request counted in: for a heavy request that is usually the heavy window.
     */
    public Decision admit(String key, boolean heavyRequest) {
        long now = clock.instant().getEpochSecond();
        Decision global = count(all, key, now, requestsPerMinute, false);
        if (!global.allowed()) {
            throttled.incrementAndGet();
            return global;
        }
        if (!heavyRequest) {
            return global;
        }
        Decision heavyDecision = count(heavy, key, now, heavyPerMinute, true);
        if (!heavyDecision.allowed()) {
            throttled.incrementAndGet();
            throttledHeavy.incrementAndGet();
            return heavyDecision;
        }
        boolean heavyTighter = heavyDecision.remaining() < global.remaining()
                || heavyDecision.remaining() == global.remaining() && heavyDecision.resetSeconds() >= global.resetSeconds();
        return heavyTighter ? heavyDecision : global;
    }

    private static Decision count(Map<String, Window> windows, String key, long now, int limit,
                                  boolean heavyWindow) {
        Window window = windows.compute(key, (k, w) -> w == null || now >= w.start + WINDOW_SECONDS
                ? new Window(now, 1) : new Window(w.start, w.count + 1));
        long reset = Math.max(1, window.start + WINDOW_SECONDS - now);
        return new Decision(window.count <= limit, limit, Math.max(0, limit - window.count), reset, heavyWindow);
    }

    /** Changes the limits at run time; a non-positive value leaves that limit as it is. */
    public void configure(int newRequestsPerMinute, int newHeavyPerMinute) {
        if (newRequestsPerMinute > 0) {
            requestsPerMinute = newRequestsPerMinute;
        }
        if (newHeavyPerMinute > 0) {
            heavyPerMinute = newHeavyPerMinute;
        }
    }

    /** Forgets the windows: every key starts a fresh minute. */
    public void resetWindows() {
        all.clear();
        heavy.clear();
    }

    public void resetCounts() {
        throttled.set(0);
        throttledHeavy.set(0);
    }

    public Snapshot snapshot() {
        return new Snapshot(requestsPerMinute, heavyPerMinute, throttled.get(), throttledHeavy.get());
    }

    /**
     * @param resetSeconds seconds left in the window ({@code RateLimit-Reset}, and {@code Retry-After} on 429)
     * @param heavyWindow  the window described is the heavy-request one
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, boolean heavyWindow) {
    }

    /** @param throttled every 429 served; {@code throttledHeavy} those of them the heavy limit refused */
    public record Snapshot(int requestsPerMinute, int heavyPerMinute, long throttled, long throttledHeavy) {
    }

    private record Window(long start, int count) {
    }
}
