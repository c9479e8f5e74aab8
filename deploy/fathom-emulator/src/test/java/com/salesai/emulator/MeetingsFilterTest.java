package com.salesai.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /meetings} filters: created_after/created_before, calendar_invitees_domains_type, meeting_type. */
@SeededEmulatorTest
class MeetingsFilterTest {
    private static final String KEY = "filter-test-key";

    @LocalServerPort
    int port;

    @Test
    void filtersByCreationWindow() {
        EmulatorHttp http = new EmulatorHttp(port);
        List<JsonNode> all = http.allMeetings(KEY, "include_action_items=false");
        String after = all.get(15).path("created_at").asString();
        String before = all.get(3).path("created_at").asString();

        List<JsonNode> window = http.allMeetings(KEY, "created_after=" + after + "&created_before=" + before);

        assertThat(window).extracting(m -> m.path("recording_id").asLong())
                .containsExactlyElementsOf(all.subList(4, 15).stream().map(m -> m.path("recording_id").asLong())
                        .toList());
        assertThat(http.get("/external/v1/meetings?created_before=yesterday", KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void filtersByInviteeDomainsAndMeetingType() {
        EmulatorHttp http = new EmulatorHttp(port);
        List<JsonNode> internal = http.allMeetings(KEY, "calendar_invitees_domains_type=only_internal");
        List<JsonNode> external = http.allMeetings(KEY, "calendar_invitees_domains_type=one_or_more_external");
        List<JsonNode> reviews = http.allMeetings(KEY, "meeting_type="
                + URLEncoder.encode("Pipeline review", StandardCharsets.UTF_8));

        assertThat(internal).extracting(m -> m.path("recording_id").asLong()).containsExactly(100_050L, 100_056L);
        assertThat(external).hasSize(58);
        assertThat(reviews).hasSize(2);
        assertThat(http.allMeetings(KEY, "meeting_type=Nonexistent")).as("an unknown type matches nothing").isEmpty();
        assertThat(http.get("/external/v1/meetings?calendar_invitees_domains_type=internal", KEY).statusCode())
                .isEqualTo(400);
    }
}
