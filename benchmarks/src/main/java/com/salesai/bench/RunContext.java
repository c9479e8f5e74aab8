package com.salesai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every benchmark gets: the repository root (to find service jars), a scratch folder for logs, data and
 * recordings, and whether this is a quick trial run (tiny settings, figures meaningless) or the real one.
 */
public record RunContext(Path repositoryRoot, Path workDir, boolean quick) {

    /** Empties the scratch folder left by an earlier run and returns it. */
    public Path freshWorkDir() throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(workDir);
    }

    /** A service's repackaged jar, built by {@code benchmarks/run}; fails when it is missing. */
    public Path requireServiceJar(String module) {
        Path jar = repositoryRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (benchmarks/run does)");
        }
        return jar;
    }
}
