package com.salesai.bench.ingest;

import com.salesai.bench.report.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RESULTS.md note for missed ingest goals: CPU per request of each JVM (which says whether the service is slow
 * or waiting), what the profiles show, and what would move the figures.
 */
final class IngestBounds {

    private IngestBounds() {
    }

    static List<String> notes(List<Figure> figures, IngestThroughputBenchmark.Measured ingest,
                              IngestThroughputBenchmark.Measured bare) {
        List<String> notes = new ArrayList<>();
        if (figures.stream().noneMatch(Figure::missed)) {
            return notes;
        }
        double ingestRate = ingest.result().requestsPerSecond();
        double bareRate = bare.result().requestsPerSecond();
        notes.add(String.format(Locale.ROOT, "**What bounds it.** CPU per accepted request: webhook-ingest-service"
                        + " %.1f ms and the driver JVM (embedded broker + MongoDB-compatible server + load driver)"
                        + " %.1f ms, against %.2f ms for the bare endpoint and %.2f ms of driver for it. Ingest is"
                        + " CPU-bound on this set-up, not waiting on locks: with 16 requests in flight its latency is"
                        + " queueing (Little's law: 16 / %.0f req/s ≈ %.0f ms, measured mean %.0f ms). Per delivery"
                        + " the service verifies the HMAC, parses the 60 KB body into a tree, normalizes it, serializes"
                        + " a ~60 KB `CallRecorded`, lz4-compresses it and makes four MongoDB writes (webhook and call"
                        + " claims, then both marked published) around one acks=all publish. The service's profile is"
                        + " mostly Jackson (parsing the body, then writing the `CallRecorded` JSON, whose escaping of French"
                        + " text is its hottest frame), the Mongo driver and lz4; the driver JVM's is mostly the"
                        + " MongoDB stand-in's H2 store, which serializes every document it writes with Java"
                        + " serialization. Everything — both JVMs, the broker and the MongoDB stand-in — shares 2"
                        + " cores, so the ratio compares %.1f ms of CPU per delivery (both JVMs) with %.1f ms for a"
                        + " request that does none of this work; 50 %% would need the whole delivery, broker and"
                        + " database included, in about twice the bare request's CPU. The"
                        + " profiles are taken without disturbing the JIT: every JVM starts JFR at launch, because a"
                        + " first `JFR.start` in a running JVM discards all its compiled code (measured before that"
                        + " fix: 42 req/s and p99 1.4 s, a cold service through the whole measurement).",
                1000 * ingest.cores() / ingestRate, 1000 * ingest.driverCores() / ingestRate,
                1000 * bare.cores() / bareRate, 1000 * bare.driverCores() / bareRate,
                ingestRate, 16_000 / ingestRate, ingest.result().meanMillis(),
                1000 * (ingest.cores() + ingest.driverCores()) / ingestRate,
                1000 * (bare.cores() + bare.driverCores()) / bareRate));
        notes.add("**What would move it.** (1) Measure on a quiet machine with the broker and MongoDB on their own"
                + " cores (real MongoDB instead of mongo-java-server/H2). (2) In the service: one claim write instead"
                + " of two plus two updates (claim the callId"
                + " only, keep webhook-id in the same document), and publish the bytes normalized once rather than a"
                + " re-serialized event where possible. (3) lz4 on 60 KB records is a visible share: `zstd` at a low"
                + " level or `linger.ms`/batching changes it. (4) Verification, decryption and the bare HTTP path"
                + " are not the bound (see the JMH section and the bare figures).");
        return notes;
    }
}
