package com.salesai.bench;

import java.nio.file.Path;

/**
 * What every benchmark gets: the repository root (to find service jars), a scratch folder for logs, data and
 * recordings, and whether this is a quick trial run (tiny settings, figures meaningless) or the real one.
 */
public record RunContext(Path repositoryRoot, Path workDir, boolean quick) {

    public Path serviceJar(String module) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }
}
