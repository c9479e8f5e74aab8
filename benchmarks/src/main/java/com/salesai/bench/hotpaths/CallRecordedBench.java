package com.salesai.bench.hotpaths;

import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.schema.attribution.Credit;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import com.salesai.schema.fathom.NormalizedCall;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectWriter;

import java.time.Instant;

/**
 * The event one ~60 KB webhook becomes and the bytes the ingest sends to {@code calls.recorded}, as its publisher
 * writes them; per operation one call is turned into its {@link CallRecorded} and serialized.
 */
@State(Scope.Benchmark)
public class CallRecordedBench {
    @Param({"legacy-flat", "fathom-meeting"})
    public String format;

    private final ObjectWriter writer = EventJson.mapper().writerFor(CallRecorded.class);
    private final Credit credit = new Credit("user-1", Attribution.RECORDER);
    private final Instant receivedAt = Instant.parse("2026-01-05T10:00:00Z");
    private NormalizedCall call;

    @Setup
    public void prepare() {
        NormalizationResult result = new FathomPayloadNormalizer()
                .normalize(FathomPayloads.body(format, FathomPayloads.DEFAULT_SIZE));
        call = ((NormalizationResult.Normalized) result).calls().get(0);
    }

    @Benchmark
    public byte[] write() {
        return writer.writeValueAsBytes(call.toCallRecorded("org-1", credit, "user-1", CallSource.WEBHOOK,
                receivedAt));
    }
}
