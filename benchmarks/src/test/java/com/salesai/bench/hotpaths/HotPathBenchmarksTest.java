package com.salesai.bench.hotpaths;

import com.salesai.bench.RunContext;
import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JMH benchmark runs in-process on one 100 ms iteration and turns into its figure; the codec comparison is
 * context for the producer's setting, the others are held to their goals.
 */
class HotPathBenchmarksTest {

    @Test
    void quickRunYieldsAFigurePerHotPath(@TempDir Path work) throws Exception {
        Section section = new HotPathBenchmarks().run(new RunContext(work, work, true));

        assertThat(section.figures()).extracting(Figure::name).containsExactlyInAnyOrder(
                "normalizer, legacy-flat", "normalizer, nested", "normalizer, data-wrapped",
                "normalizer, fathom-meeting", "CallRecorded event + JSON, legacy-flat",
                "CallRecorded event + JSON, fathom-meeting", "webhook signature verification",
                "EncryptedValue parse + decrypt", "calls.recorded batch compressed, none",
                "calls.recorded batch compressed, lz4", "calls.recorded batch compressed, zstd",
                "calls.recorded batch read back, none", "calls.recorded batch read back, lz4",
                "calls.recorded batch read back, zstd");
        assertThat(section.figures()).allSatisfy(figure -> {
            assertThat(figure.value()).isPositive();
            assertThat(figure.goal() == null).isEqualTo(figure.name().startsWith("calls.recorded batch"));
        });
        assertThat(section.figures().stream().filter(f -> f.unit().equals("MB/s"))).hasSize(4);
    }
}
