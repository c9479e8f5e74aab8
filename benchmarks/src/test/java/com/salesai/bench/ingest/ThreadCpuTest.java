package com.salesai.bench.ingest;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM's CPU split by thread, read back from a recording of a thread that spins. */
class ThreadCpuTest {
    static volatile long sink;

    @Test
    void aSpinningThreadHoldsMostOfTheRecordedJvmsCpu(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("threads.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(200));
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(200));
            recording.start();
            Thread spinner = new Thread(ThreadCpuTest::spin, "spinner-7");
            spinner.start();
            spinner.join();
            recording.stop();
            recording.dump(file);
        }

        Map.Entry<String, Double> top = JfrHotFrames.read(file, 5).threadCpu().shares().get(0);

        assertThat(top.getKey()).isEqualTo("spinner-#");
        assertThat(top.getValue()).isBetween(0.4, 1.0);
    }

    @Test
    void theJitCompilersAreOneGroup() {
        assertThat(ThreadCpu.group("C2 CompilerThread0")).isEqualTo(ThreadCpu.group("C1 CompilerThread12"))
                .isEqualTo("JIT compilers");
        assertThat(ThreadCpu.group("http-nio-8080-exec-3")).isEqualTo("http-nio-#-exec-#");
    }

    private static void spin() {
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        long x = 0;
        while (System.nanoTime() < until) {
            x += x * 31 + 7;
        }
        sink = x;
    }
}
