package com.salesai.analysis.llm;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A versioned prompt resource under {@code prompts/}: the system message, a {@code <!-- user -->} line, then the
 * user message; {@code {{name}}} placeholders are filled in.
 */
final class PromptTemplate {
    private static final String USER_MARKER = "<!-- user -->";
    private final String system;
    private final String user;

    private PromptTemplate(String system, String user) {
        this.system = system;
        this.user = user;
    }

    static PromptTemplate load(String name) {
        String path = "prompts/" + name + ".md";
        try (var in = new ClassPathResource(path).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int marker = text.indexOf(USER_MARKER);
            if (marker < 0) {
                throw new IllegalStateException("prompt " + path + " has no " + USER_MARKER + " line");
            }
            return new PromptTemplate(text.substring(0, marker).strip(),
                    text.substring(marker + USER_MARKER.length()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + path, e);
        }
    }

    Messages render(Map<String, String> values) {
        return new Messages(fill(system, values), fill(user, values));
    }

    private static String fill(String template, Map<String, String> values) {
        String result = template;
        for (var entry : values.entrySet()) {
            result = result.replace("{{" + entry.getKey() + "}}", entry.getValue() == null ? "" : entry.getValue());
        }
        return result;
    }

    record Messages(String system, String user) {
        /** About 4 characters per token: good enough to decide whether to chunk. */
        int estimatedTokens() {
            return (system.length() + user.length()) / 4;
        }
    }
}
