package com.salesai.emulator.webhooks;

import java.util.List;

/**
 * Whether a failed delivery is sent again, and after which delays (one retry per delay). Off by default, so
 * tests that drive retries themselves through {@code /emulator/deliveries} see each of their attempts once.
 */
record RedeliveryPolicy(boolean enabled, List<Long> delaysMillis) {
    static final RedeliveryPolicy OFF = new RedeliveryPolicy(false, List.of());
    /** Svix's documented schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    static final List<Long> SVIX_DELAYS = List.of(5_000L, 300_000L, 1_800_000L, 7_200_000L, 18_000_000L,
            36_000_000L, 36_000_000L);
    private static final int MAX_RETRIES = 20;
    private static final long MAX_DELAY_MILLIS = 36_000_000L;

    RedeliveryPolicy {
        if (delaysMillis.size() > MAX_RETRIES
                || delaysMillis.stream().anyMatch(d -> d == null || d < 0 || d > MAX_DELAY_MILLIS)) {
            throw new IllegalArgumentException("delaysMillis: at most " + MAX_RETRIES + " delays of 0.."
                    + MAX_DELAY_MILLIS + " ms");
        }
        delaysMillis = List.copyOf(delaysMillis);
    }

    /** The delay before retry number {@code retry} (1-based), or -1 when there is none. */
    long delayBefore(int retry) {
        return enabled && retry <= delaysMillis.size() ? delaysMillis.get(retry - 1) : -1;
    }
}
