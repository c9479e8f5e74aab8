package com.salesai.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /recordings/{id}/transcript} and {@code /summary} (List meetings' sibling endpoints). */
@SeededEmulatorTest
class RecordingContentTest {
    private static final String KEY = "content-test-key";

    @LocalServerPort
    int port;

    @Test
    void transcriptAndSummaryOfARecordingTheKeyCanSee() {
        EmulatorHttp http = new EmulatorHttp(port);
        JsonNode meeting = http.json(http.get("/external/v1/meetings?include_transcript=true&include_summary=true",
                KEY)).path("items").get(0);

        HttpResponse<String> transcript = http.get("/external/v1/recordings/100000/transcript", KEY);
        HttpResponse<String> summary = http.get("/external/v1/recordings/100000/summary", KEY);

        assertThat(transcript.statusCode()).isEqualTo(200);
        assertThat(http.json(transcript).path("transcript")).isEqualTo(meeting.path("transcript"));
        assertThat(transcript.headers().firstValue("RateLimit-Limit")).as("a heavy request").contains("30");
        assertThat(http.json(summary).path("summary")).isEqualTo(meeting.path("default_summary"));
        assertThat(http.json(summary).path("summary").path("template_name").asString()).isNotBlank();

        JsonNode empty = http.json(http.get("/external/v1/recordings/100052/transcript", KEY));
        assertThat(empty.path("transcript").isArray()).isTrue();
        assertThat(empty.path("transcript").isEmpty()).isTrue();
        JsonNode noSummary = http.json(http.get("/external/v1/recordings/100052/summary", KEY)).path("summary");
        assertThat(noSummary.path("markdown_formatted").isNull()).isTrue();
    }

    @Test
    void aRecordingTheKeyCannotSeeIsNotFound() {
        EmulatorHttp http = new EmulatorHttp(port);
        HttpResponse<String> alices = http.get("/external/v1/recordings/100000/transcript", SeededEmulatorTest.BOB);
        assertThat(alices.statusCode()).isEqualTo(404);
        assertThat(alices.headers().firstValue("RateLimit-Remaining")).as("on every answer").isPresent();
        assertThat(http.get("/external/v1/recordings/100049/summary", SeededEmulatorTest.BOB).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/external/v1/recordings/999/transcript", KEY).statusCode()).isEqualTo(404);
    }
}
