package com.salesai.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys belong to users; a key sees what its user recorded or was shared; the seeds say who recorded what. */
@SeededEmulatorTest
class UsersAndSeedsTest {
    @LocalServerPort
    int port;

    @Test
    void aKeySeesItsUsersRecordingsAndThoseSharedWithThem() {
        EmulatorHttp http = new EmulatorHttp(port);
        List<JsonNode> alice = http.allMeetings("visibility-test-key", "include_summary=false");
        List<JsonNode> bob = http.allMeetings(SeededEmulatorTest.BOB, "include_summary=false");

        assertThat(alice).hasSize(60);
        assertThat(bob).extracting(m -> m.path("recording_id").asLong())
                .containsExactly(100_049L, 100_053L, 100_055L, 100_059L);
        assertThat(bob).allSatisfy(m -> assertThat(recorder(m)).isEqualTo(
                Map.of("name", "Bob Durand", "email", "bob@acme-sales.test", "email_domain", "acme-sales.test",
                        "team", "Sales")));
        Map<Integer, String> notAlices = new TreeMap<>();
        for (int index = 0; index < alice.size(); index++) {
            String email = alice.get(index).path("recorded_by").path("email").asString();
            if (!email.equals("alice@acme-sales.test")) {
                notAlices.put(index, email);
            }
        }
        assertThat(notAlices).isEqualTo(Map.of(49, "bob@acme-sales.test", 51, "partner@other-company.test",
                53, "bob@acme-sales.test", 55, "bob@acme-sales.test", 57, "partner@other-company.test",
                59, "bob@acme-sales.test"));
        assertThat(alice.get(0).path("recorded_by").path("name").asString()).isEqualTo("Alice Martin");
        assertThat(alice.get(0).path("recorded_by").path("team").asString()).isEqualTo("Sales");
        assertThat(alice.get(51).path("recorded_by").path("team").isNull()).isTrue();
        assertThat(alice.get(51).path("recorded_by").path("email_domain").asString()).isEqualTo("other-company.test");
    }

    @Test
    void someSeedsAreInternalAndSomeHaveNoTranscript() {
        List<JsonNode> meetings = new EmulatorHttp(port).allMeetings("visibility-test-key",
                "include_transcript=true&include_summary=true&include_action_items=true");
        Map<Integer, String> special = new TreeMap<>();
        for (int index = 0; index < meetings.size(); index++) {
            JsonNode meeting = meetings.get(index);
            if (meeting.path("calendar_invitees_domains_type").asString().equals("only_internal")) {
                special.put(index, "internal");
                assertThat(meeting.path("calendar_invitees")).allSatisfy(invitee -> {
                    assertThat(invitee.path("is_external").asBoolean()).isFalse();
                    assertThat(invitee.path("email_domain").asString()).isEqualTo("acme-sales.test");
                });
            }
            if (meeting.path("transcript").isNull()) {
                special.put(index, "no transcript");
                assertThat(meeting.path("default_summary").isNull()).isTrue();
            }
        }
        assertThat(special).isEqualTo(Map.of(50, "internal", 52, "no transcript", 56, "internal",
                58, "no transcript"));
        assertThat(meetings.get(0).path("calendar_invitees_domains_type").asString())
                .isEqualTo("one_or_more_external");
    }

    @Test
    void legacyKeysAreMoreKeysOfTheFirstUser() {
        EmulatorHttp http = new EmulatorHttp(port);
        JsonNode viaLegacyKey = http.json(http.get("/external/v1/meetings", "visibility-test-key"));
        JsonNode viaAlicesKey = http.json(http.get("/external/v1/meetings", SeededEmulatorTest.ALICE));
        assertThat(viaLegacyKey).isEqualTo(viaAlicesKey);
    }

    private static Map<String, String> recorder(JsonNode meeting) {
        Map<String, String> fields = new TreeMap<>();
        meeting.path("recorded_by").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return fields;
    }
}
