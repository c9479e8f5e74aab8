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
                        + " %.2f ms and the driver JVM (embedded broker + MongoDB-compatible server + load driver)"
                        + " %.2f ms, against %.2f ms for the bare endpoint and %.2f ms of driver for it. With 16"
                        + " requests in flight the latency is queueing behind that CPU (Little's law: 16 / %.0f req/s"
                        + " ≈ %.0f ms, measured mean %.0f ms). Per delivery the service verifies the HMAC over the"
                        + " body, reads the body in one streaming pass into the normalized call, writes one ~60 KB"
                        + " `CallRecorded` (the transcript once, a reused writer), compresses it, publishes it with"
                        + " acks=all and makes two MongoDB round trips (the webhook and call claims inserted together,"
                        + " then marked published together); the profiles above say which of these the CPU goes to."
                        + " Everything (both JVMs, the broker and the MongoDB stand-in, whose H2 store serializes"
                        + " every document with Java serialization) shares 2 cores, so the ratio compares %.2f ms of"
                        + " CPU per delivery (both JVMs) with %.2f ms for a request that does none of this work; %s"
                        + " needs the whole delivery, broker and database included, in %.1f × the bare"
                        + " request's CPU. Every JVM starts JFR at launch: a first `JFR.start` in a running JVM"
                        + " discards all its compiled code.",
                1000 * ingest.cores() / ingestRate, 1000 * ingest.driverCores() / ingestRate,
                1000 * bare.cores() / bareRate, 1000 * bare.driverCores() / bareRate,
                ingestRate, 16_000 / ingestRate, ingest.result().meanMillis(),
                1000 * (ingest.cores() + ingest.driverCores()) / ingestRate,
                1000 * (bare.cores() + bare.driverCores()) / bareRate,
                IngestThroughputBenchmark.RATIO_GOAL.text(), 100 / IngestThroughputBenchmark.RATIO_THRESHOLD));
        notes.add("**What would move it.** (1) The broker and MongoDB on their own cores (real MongoDB instead of"
                + " mongo-java-server over H2): on this machine they take the CPU the service would use. (2) In the"
                + " service, what its profile puts on top. (3) Verification, decryption and the bare HTTP path are"
                + " not the bound (see the JMH section and the bare figures); the codec's share is in the JMH"
                + " section's `calls.recorded` batch figures.");
        return notes;
    }
}
