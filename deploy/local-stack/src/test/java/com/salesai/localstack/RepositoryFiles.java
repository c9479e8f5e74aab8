package com.salesai.localstack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the repository's own files (the tests run from deploy/local-stack) for descriptor checks. */
final class RepositoryFiles {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([A-Za-z0-9._-]+)</artifactId>");
    private static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}");

    private RepositoryFiles() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path path) {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(read(path));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(path))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** The module's default HTTP port, from {@code server.port: ${SERVER_PORT:NNNN}} in its application.yml. */
    static int defaultPort(String module) {
        Matcher matcher = DEFAULT_PORT.matcher(read(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        if (!matcher.find()) {
            throw new AssertionError(module + " has no server.port default");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The default of {@code ${VARIABLE:default}} in the module's application.yml. */
    static String defaultOf(String module, String variable) {
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}")
                .matcher(read(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        if (!matcher.find()) {
            throw new AssertionError(module + " has no default for " + variable);
        }
        return matcher.group(1);
    }

    /**
     * Whether the module reads an environment variable: named in its application.yml as a placeholder, as a string
     * literal in its sources, or bound
     * by relaxed binding to one of the {@code @ConfigurationProperties} prefixes (APP_AUTH_DEV_SECRET → app.auth)
     * in its own sources or in those of the repository modules it depends on outside test scope (service-auth).
     */
    /** Whether a service reads the variable: its own settings and code, or the platform's, which every service has. */
    static boolean moduleReads(String module, String variable) {
        Path platformDefaults = ROOT.resolve("platform/src/main/resources/com/salesai/platform/defaults/"
                + "platform-defaults.properties");
        if (!module.equals("platform") && (read(platformDefaults).contains("${" + variable)
                || moduleReads("platform", variable))) {
            return true;
        }
        Path moduleDir = ROOT.resolve(module);
        Path config = moduleDir.resolve("src/main/resources/application.yml");
        if (Files.exists(config) && read(config).contains("${" + variable)) {
            return true;
        }
        String dotted = variable.toLowerCase().replace('_', '.');
        String named = '"' + variable + '"';
        if (sourceDirs(moduleDir).stream().flatMap(RepositoryFiles::javaSources).map(RepositoryFiles::read)
                .anyMatch(source -> source.contains(named))) {
            return true; // read by name, e.g. from the Environment before binding (platform KafkaSecurity)
        }
        return sourceDirs(moduleDir).stream().flatMap(RepositoryFiles::javaSources).map(RepositoryFiles::read)
                .flatMap(source -> PROPERTIES_PREFIX.matcher(source).results().map(m -> m.group(1)))
                .map(prefix -> prefix.replace("-", "."))
                .anyMatch(prefix -> dotted.startsWith(prefix + "."));
    }

    /** The module's main sources, then those of each repository module its pom depends on outside test scope. */
    private static List<Path> sourceDirs(Path moduleDir) {
        List<Path> dirs = new ArrayList<>(List.of(moduleDir.resolve("src/main/java")));
        Matcher dependency = DEPENDENCY.matcher(read(moduleDir.resolve("pom.xml")));
        while (dependency.find()) {
            Matcher artifactId = ARTIFACT_ID.matcher(dependency.group(1));
            if (!dependency.group(1).contains("<scope>test</scope>") && artifactId.find()) {
                Path dir = ROOT.resolve(artifactId.group(1)).resolve("src/main/java");
                if (Files.isDirectory(dir)) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }

    private static Stream<Path> javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
