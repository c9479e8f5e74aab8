package com.salesai.bench.ingest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What a load phase measured: latencies of the successful requests (sorted, nanoseconds), failures by status
 * (-1 for an I/O error or timeout) and the first failure's description for the report.
 */
public record LoadResult(long[] sortedLatenciesNanos, Map<Integer, Long> failuresByStatus, Duration elapsed,
                         String firstFailure) {

    public long successes() {
        return sortedLatenciesNanos.length;
    }

    public long failures() {
        return failuresByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public double requestsPerSecond() {
        return successes() / (elapsed.toNanos() / 1e9);
    }

    /** Mean latency of the successful requests, in milliseconds (what Little's law predicts); NaN when none. */
    public double meanMillis() {
        return java.util.Arrays.stream(sortedLatenciesNanos).average().orElse(Double.NaN) / 1e6;
    }

    /** Nearest-rank percentile of the successful requests, in milliseconds; NaN when none succeeded. */
    public double percentileMillis(double percentile) {
        if (sortedLatenciesNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedLatenciesNanos.length);
        return sortedLatenciesNanos[Math.max(0, Math.min(rank, sortedLatenciesNanos.length) - 1)] / 1e6;
    }

    /** Successes and, if any, the failures by status with the first one, for a report's table cell. */
    public String outcome() {
        return failures() == 0 ? successes() + " ok, no failures"
                : successes() + " ok, failures " + failuresByStatus + ", first: "
                + firstFailure.replace('|', '/').replace('\n', ' ');
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d ok, %d failed %s in %.1f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms",
                successes(), failures(), failuresByStatus, elapsed.toMillis() / 1e3, requestsPerSecond(),
                percentileMillis(50), percentileMillis(99));
    }

    static LoadResult of(long[] latencies, Map<Integer, Long> failures, Duration elapsed, String firstFailure) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new LoadResult(sorted, Map.copyOf(failures), elapsed, firstFailure);
    }
}
