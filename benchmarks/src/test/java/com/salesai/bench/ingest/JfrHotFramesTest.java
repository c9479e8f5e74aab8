package com.salesai.bench.ingest;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes a JVM allocated, read back from its allocation samples' weights. */
class JfrHotFramesTest {
    private static final int MIB = 1024 * 1024;
    static volatile byte[] sink;

    @Test
    void theAllocationSamplesWeighWhatTheRecordedJvmAllocated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allocations.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int i = 0; i < 256; i++) {
                sink = new byte[MIB / 4];
            }
            recording.stop();
            recording.dump(file);
        }

        long allocated = JfrHotFrames.read(file, 5).allocatedBytes();

        // 64 MiB in 256 arrays, plus what the JVM and JFR allocated meanwhile
        assertThat(allocated).isBetween(48L * MIB, 512L * MIB);
    }
}
