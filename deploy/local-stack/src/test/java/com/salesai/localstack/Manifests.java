package com.salesai.localstack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes objects of deploy/k8s: the base as its files are written, or a kustomization as
 * {@code kubectl kustomize} builds it (where kubectl is installed).
 */
final class Manifests {
    static final Path K8S = RepositoryFiles.ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");
    private static final File KUBECTL = new File("/usr/bin/kubectl");
    private static final Map<String, Build> OVERLAYS = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** A set of objects under a name (the name shows in parameterized test titles). */
    record Build(String name, List<K8sObject> objects) {
        List<K8sObject> ofKind(String kind) {
            return objects.stream().filter(o -> o.kind().equals(kind)).toList();
        }

        Optional<K8sObject> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> o.name().equals(name)).findFirst();
        }

        K8sObject get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
        }

        /** The shared settings every service reads (envFrom). */
        Map<String, Object> settings() {
            return get("ConfigMap", "call-intelligence-config").map("data");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One object of a manifest, read through paths of map keys and list indices. */
    record K8sObject(Map<String, Object> raw) {
        String kind() {
            return (String) raw.get("kind");
        }

        String name() {
            return (String) map("metadata").get("name");
        }

        Object at(Object... path) {
            Object node = raw;
            for (Object step : path) {
                if (node == null) {
                    return null;
                }
                node = step instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(step);
            }
            return node;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object... path) {
            Object node = at(path);
            return node == null ? Map.of() : (Map<String, Object>) node;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(Object... path) {
            Object node = at(path);
            return node == null ? List.of() : (List<Map<String, Object>>) node;
        }

        @SuppressWarnings("unchecked")
        List<Object> values(Object... path) {
            Object node = at(path);
            return node == null ? List.of() : (List<Object>) node;
        }

        Map<String, Object> podSpec() {
            return map("spec", "template", "spec");
        }

        /** The first (only) container of a Deployment. */
        Map<String, Object> container() {
            return list("spec", "template", "spec", "containers").get(0);
        }
    }

    static Build base() {
        List<K8sObject> objects = new ArrayList<>();
        for (Object resource : (List<?>) RepositoryFiles.yaml(BASE.resolve("kustomization.yaml")).get("resources")) {
            RepositoryFiles.yamlDocuments(BASE.resolve((String) resource)).forEach(d -> objects.add(new K8sObject(d)));
        }
        return new Build("base (as written)", objects);
    }

    static boolean kubectlAvailable() {
        return KUBECTL.canExecute();
    }

    /** Built once per test run: the files do not change while it runs. */
    static Build overlay(String overlay) {
        return OVERLAYS.computeIfAbsent(overlay, o -> build(K8S.resolve("overlays").resolve(o), "overlays/" + o));
    }

    /** {@code kubectl kustomize <dir>}; fails the test with kustomize's message when the build fails. */
    @SuppressWarnings("unchecked")
    static Build build(Path kustomization, String name) {
        try {
            Process process = new ProcessBuilder(KUBECTL.getPath(), "kustomize", kustomization.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + output);
            }
            List<K8sObject> objects = new ArrayList<>();
            for (Object document : new Yaml(new LoaderOptions()).loadAll(output)) {
                if (document != null) {
                    objects.add(new K8sObject((Map<String, Object>) document));
                }
            }
            return new Build(name, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
