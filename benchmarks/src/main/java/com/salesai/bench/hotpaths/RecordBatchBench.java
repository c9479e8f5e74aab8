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
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the producer's compression costs on a {@code calls.recorded} record, and what it saves: one ~60 KB
 * {@link CallRecorded} (fathom-meeting body) as the record batch the producer builds for it (a record larger than
 * {@code batch.size} is a batch of its own), compressed with each codec, and read back as a consumer does.
 */
@State(Scope.Benchmark)
public class RecordBatchBench {
    @Param({"none", "lz4", "zstd"})
    public String codec;

    private byte[] key;
    private byte[] value;
    private Compression compression;
    private ByteBuffer batch;

    @Setup
    public void prepare() {
        key = "call-1".getBytes(StandardCharsets.UTF_8);
        value = callRecorded();
        compression = Compression.of(CompressionType.forName(codec)).build();
        batch = build(compression, key, value).buffer();
    }

    @Benchmark
    public MemoryRecords compress() {
        return build(compression, key, value);
    }

    @Benchmark
    public long decompress() {
        long bytes = 0;
        for (RecordBatch recordBatch : MemoryRecords.readableRecords(batch.duplicate()).batches()) {
            for (Record record : recordBatch) {
                bytes += record.valueSize();
            }
        }
        return bytes;
    }

    /** The event's JSON, as the ingest publishes it. */
    static byte[] callRecorded() {
        NormalizationResult result = new FathomPayloadNormalizer()
                .normalize(FathomPayloads.body("fathom-meeting", FathomPayloads.DEFAULT_SIZE));
        NormalizedCall call = ((NormalizationResult.Normalized) result).calls().get(0);
        return EventJson.mapper().writerFor(CallRecorded.class).writeValueAsBytes(call.toCallRecorded("org-1",
                new Credit("user-1", Attribution.RECORDER), "user-1", CallSource.WEBHOOK,
                Instant.parse("2026-01-05T10:00:00Z")));
    }

    /** The size of the batch on the wire and on the broker's disk for this codec. */
    static int batchBytes(String codec) {
        return build(Compression.of(CompressionType.forName(codec)).build(), "call-1".getBytes(StandardCharsets.UTF_8),
                callRecorded()).sizeInBytes();
    }

    private static MemoryRecords build(Compression compression, byte[] key, byte[] value) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(value.length + 1024), compression,
                TimestampType.CREATE_TIME, 0L);
        builder.append(0L, key, value);
        return builder.build();
    }
}
