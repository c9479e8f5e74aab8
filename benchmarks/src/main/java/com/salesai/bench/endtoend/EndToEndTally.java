package com.salesai.bench.endtoend;

import com.salesai.bench.ingest.LoadResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the measured phase amounts to: webhook-to-evaluated times (from each webhook's due time to the SSE event) of
 * the accepted calls, webhook-to-pending times (the dashboard applied the recording, before any analysis), and the
 * accepted calls never seen evaluated ({@code lost}) or seen failed.
 */
record EndToEndTally(int sent, int accepted, Map<Integer, Long> rejectedByStatus, LoadResult toEvaluated,
                     LoadResult toAccepted, LoadResult toPending, List<String> lost, int failed,
                     Duration sendingTook) {

    /** {@code pendingAt}, {@code evaluatedAt}, {@code failedAt}: when the SSE stream showed each call so. */
    static EndToEndTally of(List<OpenLoopSender.Delivery> deliveries, Map<String, Long> pendingAt,
                            Map<String, Long> evaluatedAt, Map<String, Long> failedAt) {
        Map<Integer, Long> rejected = new TreeMap<>();
        List<Long> toEvaluated = new ArrayList<>();
        List<Long> toAccepted = new ArrayList<>();
        List<Long> toPending = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        int accepted = 0;
        int failed = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (OpenLoopSender.Delivery delivery : deliveries) {
            first = Math.min(first, delivery.dueNanos());
            last = Math.max(last, delivery.dueNanos());
            if (!delivery.accepted()) {
                rejected.merge(delivery.status(), 1L, Long::sum);
                continue;
            }
            accepted++;
            toAccepted.add(delivery.answeredNanos() - delivery.dueNanos());
            for (String callId : delivery.callIds()) {
                Long pending = pendingAt.get(callId);
                if (pending != null) {
                    toPending.add(pending - delivery.dueNanos());
                }
                Long evaluated = evaluatedAt.get(callId);
                if (evaluated != null) {
                    toEvaluated.add(evaluated - delivery.dueNanos());
                } else if (failedAt.containsKey(callId)) {
                    failed++;
                } else {
                    lost.add(callId);
                }
            }
        }
        Duration took = deliveries.isEmpty() ? Duration.ZERO : Duration.ofNanos(last - first);
        return new EndToEndTally(deliveries.size(), accepted, rejected, sorted(toEvaluated, took),
                sorted(toAccepted, took), sorted(toPending, took), lost, failed, took);
    }

    private static LoadResult sorted(List<Long> nanos, Duration took) {
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return new LoadResult(values, Map.of(), took, null);
    }

    /** Requests per second the sender achieved (due times of the first and last request). */
    double sendRate() {
        return sent < 2 ? 0 : (sent - 1) / (sendingTook.toNanos() / 1e9);
    }
}
