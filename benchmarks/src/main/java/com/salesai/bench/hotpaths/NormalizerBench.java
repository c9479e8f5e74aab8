package com.salesai.bench.hotpaths;

import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.schema.fathom.FathomPayloadNormalizer;
import com.salesai.schema.fathom.NormalizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Normalizing one ~60 KB body per operation; MB/s = ops/s × body size. */
@State(Scope.Benchmark)
public class NormalizerBench {
    @Param({"legacy-flat", "nested", "data-wrapped", "fathom-meeting"})
    public String format;

    private final FathomPayloadNormalizer normalizer = new FathomPayloadNormalizer();
    private byte[] body;

    @Setup
    public void prepare() {
        body = FathomPayloads.body(format, FathomPayloads.DEFAULT_SIZE);
        // A rejected body would measure the error path, not the normalizer.
        if (!(normalizer.normalize(body) instanceof NormalizationResult.Normalized)) {
            throw new IllegalStateException(format + " payload does not normalize: " + normalizer.normalize(body));
        }
    }

    @Benchmark
    public NormalizationResult normalize() {
        return normalizer.normalize(body);
    }
}
