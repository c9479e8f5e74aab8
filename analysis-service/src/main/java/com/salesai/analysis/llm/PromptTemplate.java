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

    /**
     * One pass over the template: a value goes in as it is, never scanned for placeholders itself (a transcript that
     * says "{{rep}}" stays so), and the 60 KB transcript is copied once rather than by every later replacement.
     * Unknown placeholders stay as written.
     */
    static String fill(String template, Map<String, String> values) {
        StringBuilder filled = new StringBuilder(template.length()
                + values.values().stream().mapToInt(v -> v == null ? 0 : v.length()).sum());
        int from = 0;
        int open = template.indexOf("{{");
        while (open >= 0) {
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                break;
            }
            String name = template.substring(open + 2, close);
            if (values.containsKey(name)) {
                String value = values.get(name);
                filled.append(template, from, open).append(value == null ? "" : value);
                from = close + 2;
                open = template.indexOf("{{", from);
            } else {
                open = template.indexOf("{{", open + 2);
            }
        }
        return filled.append(template, from, template.length()).toString();
    }

    record Messages(String system, String user) {
        /** About 4 characters per token: good enough to decide whether to chunk. */
        int estimatedTokens() {
            return (system.length() + user.length()) / 4;
        }
    }
}
