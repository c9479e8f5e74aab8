package com.salesai.bench.endtoend;

import com.salesai.bench.ingest.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A JFR recording (profiling settings) of a JVM this one started, by process id via jcmd, with its CPU time, so the
 * benchmark can name the busiest JVM of the stack and show where it spends its time.
 */
final class ProcessRecording {
    private final String name;
    private final ProcessHandle process;
    private final Path jcmdLog;
    private Duration cpuAtStart;
    private boolean recording;

    ProcessRecording(String name, ProcessHandle process, Path jcmdLog) {
        this.name = name;
        this.process = process;
        this.jcmdLog = jcmdLog;
    }

    String name() {
        return name;
    }

    void start(boolean profile) {
        cpuAtStart = cpu();
        recording = profile && jcmd("JFR.start", "name=bench-e2e", "settings=profile");
    }

    /** CPU time used since {@link #start}. */
    Duration cpuSinceStart() {
        return cpu().minus(cpuAtStart);
    }

    /** Stops the recording into {@code file}; false when there was none or it could not be written. */
    boolean stop(Path file) {
        return recording && jcmd("JFR.stop", "name=bench-e2e", "filename=" + file.toAbsolutePath())
                && Files.isRegularFile(file);
    }

    private Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private boolean jcmd(String... arguments) {
        return ChildJvm.jcmd(process.pid(), jcmdLog, arguments);
    }
}
