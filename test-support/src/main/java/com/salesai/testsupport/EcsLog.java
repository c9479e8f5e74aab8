package com.salesai.testsupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console output of a service started with {@code LOG_FORMAT=json}, read back as ECS lines. */
public final class EcsLog {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * What the tests' embedded KRaft broker prints with {@code System.out.println} while it formats its storage, not
     * through a logger: test infrastructure, not a line of the service.
     */
    private static final Pattern EMBEDDED_BROKER_PRINT = Pattern.compile("^Formatting metadata directory .*");

    private EcsLog() {
    }

    /**
     * Every line the application wrote, each asserted to be one ECS object with a timestamp, a level and a message:
     * from its first JSON line on, since what the test JVM printed before the application set up its logging (the
     * test framework's bootstrap, the test context paused for this one) is not the application's.
     */
    public static List<JsonNode> lines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        List<String> all = List.of(output.split("\\R"));
        int first = 0;
        while (first < all.size() && !all.get(first).startsWith("{")) {
            first++;
        }
        for (String line : all.subList(first, all.size())) {
            if (line.isBlank() || EMBEDDED_BROKER_PRINT.matcher(line).matches()) {
                continue;
            }
            JsonNode json;
            try {
                json = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(json.path("@timestamp").asString()).as("@timestamp of " + line).isNotBlank();
            assertThat(json.at("/log/level").asString()).as("log.level of " + line).isNotBlank();
            assertThat(json.path("message").isString()).as("message of " + line).isTrue();
            lines.add(json);
        }
        return lines;
    }

    /** The first line whose message contains {@code text}. */
    public static Optional<JsonNode> find(String output, String text) {
        return lines(output).stream().filter(line -> line.path("message").asString().contains(text)).findFirst();
    }

    /** The line carries these MDC entries, as top-level fields. */
    public static void assertCarries(JsonNode line, Map<String, String> fields) {
        fields.forEach((key, value) -> assertThat(line.path(key).asString()).as(key + " of " + line).isEqualTo(value));
    }
}
