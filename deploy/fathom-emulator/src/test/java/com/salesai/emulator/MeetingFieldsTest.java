package com.salesai.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Meeting fields as Fathom documents them (developers.fathom.ai, List meetings). */
@SeededEmulatorTest
class MeetingFieldsTest {
    private static final String KEY = "fields-test-key";

    @LocalServerPort
    int port;

    @Test
    void meetingsCarryFathomsFields() {
        List<JsonNode> meetings = new EmulatorHttp(port).allMeetings(KEY,
                "include_summary=true&include_action_items=true");
        Set<String> meetingTypes = new HashSet<>();
        Set<String> joinHosts = new HashSet<>();
        for (JsonNode meeting : meetings) {
            String url = meeting.path("url").asString();
            assertThat(url).matches("https://fathom\\.video/calls/\\d+");
            assertThat(url.substring(url.lastIndexOf('/') + 1)).as("a calls URL id is not the recording id")
                    .isNotEqualTo(meeting.path("recording_id").asString());
            meetingTypes.add(meeting.path("meeting_type").isNull() ? "null" : meeting.path("meeting_type").asString());
            JsonNode joinUrl = meeting.path("meeting_url");
            assertThat(meeting.has("meeting_url")).isTrue();
            joinHosts.add(joinUrl.isNull() ? "null" : java.net.URI.create(joinUrl.asString()).getHost());
            assertThat(meeting.path("shared_with").asString()).isIn("no_teams", "single_team", "multiple_teams",
                    "all_teams");
            if (meeting.path("default_summary").isObject()) {
                assertThat(meeting.path("default_summary").path("markdown_formatted").asString())
                        .as("Fathom's summaries are always English").containsAnyOf(" with ", "Pipeline review")
                        .doesNotContain(" avec ", "Prochaine étape");
            }
            for (JsonNode action : meeting.path("action_items")) {
                assertThat(action.path("description").asString()).as("always English")
                        .matches("(Send the commercial proposal to|Share customer references|Update the forecast).*");
                assertThat(action.path("user_generated").isBoolean()).isTrue();
                assertThat(action.path("recording_playback_url").asString()).startsWith(url + "?timestamp=");
            }
        }
        assertThat(meetingTypes).contains("Sales call", "Demo", "Pipeline review", "null")
                .doesNotContain("external", "internal");
        assertThat(joinHosts).contains("zoom.us", "meet.google.com", "null");
        assertThat(meetings).anySatisfy(m -> assertThat(m.path("transcript_language").asString()).isEqualTo("fr"));
    }

    @Test
    void highlightsOnlyWhenAskedFor() {
        EmulatorHttp http = new EmulatorHttp(port);
        JsonNode without = http.json(http.get("/external/v1/meetings", KEY)).path("items").get(0);
        JsonNode with = http.json(http.get("/external/v1/meetings?include_highlights=true", KEY)).path("items").get(0);

        assertThat(without.has("highlights")).isFalse();
        JsonNode highlights = with.path("highlights");
        assertThat(highlights.isArray()).isTrue();
        JsonNode objection = highlights.valueStream().filter(h -> h.path("type").asString().equals("Objection"))
                .findFirst().orElseThrow();
        assertThat(objection.path("summary").asString()).startsWith("Prospect pushed back on");
        assertThat(objection.path("text").asString()).isNotBlank();
        assertThat(objection.path("start_time").isNumber()).isTrue();
        assertThat(objection.path("end_time").asDouble()).isGreaterThan(objection.path("start_time").asDouble());
        assertThat(with.has("transcript")).as("include_highlights brings only highlights").isFalse();
    }
}
