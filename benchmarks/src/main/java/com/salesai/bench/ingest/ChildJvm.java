package com.salesai.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM under test, started with the benchmark's JVM flags either from a jar ({@code -jar}) or a class path
 * and main class, logging to a file, probed for readiness on loopback, optionally profiled with JFR via jcmd.
 */
public final class ChildJvm implements AutoCloseable {
    /** The flags every server under test gets, so the service and the bare endpoint compare like for like. */
    public static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m");
    /**
     * JFR initialized at launch by a recording that ends after a second. Without it, the first {@code JFR.start} in a
     * running JVM makes HotSpot discard all its compiled code (7 100 methods made not entrant within 0.2 s in
     * webhook-ingest-service), so the profiled measurement would run on a cold JVM, recompiling on cores the
     * load needs; with it, a later {@code JFR.start} deoptimizes next to nothing.
     */
    public static final String JFR_AT_LAUNCH = "-XX:StartFlightRecording:duration=1s,disk=false";
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** {@code launch} is what follows the flags: {@code -jar x.jar}, or {@code -cp ... Main}. */
    public static ChildJvm start(String name, List<String> launch, Map<String, String> env, int port, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaTool("java"));
        command.addAll(JVM_FLAGS);
        command.add(JFR_AT_LAUNCH);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        // the actuator on any free port (the service port + 1000 might be taken); readiness is asked at /readyz
        builder.environment().put("MANAGEMENT_SERVER_PORT", "0");
        return new ChildJvm(name, port, builder.start(), log);
    }

    public void awaitReady(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** CPU time this JVM has used so far (all threads), for the cores-busy figure. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Starts a JFR recording with the profiling settings; false when jcmd is unavailable or refuses. */
    public boolean startRecording() {
        return jcmd("JFR.start", "name=bench", "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}; false when that did not work. */
    public boolean stopRecording(Path file) {
        return jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath()) && Files.isRegularFile(file);
    }

    private boolean jcmd(String... arguments) {
        return jcmd(process.pid(), log, arguments);
    }

    /** Runs jcmd against the JVM {@code pid}, appending its output to {@code log}; true when it succeeded. */
    public static boolean jcmd(long pid, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaTool("jcmd"), Long.toString(pid)));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaTool(String tool) {
        Path path = Path.of(System.getProperty("java.home"), "bin", tool);
        return Files.isExecutable(path) ? path.toString() : tool;
    }
}
