package com.salesai.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.salesai.emulator.EmulatorHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Which webhooks a recording fires, by who recorded it, with whom it was shared and each triggered_for. */
@RecordingEmulatorTest
class DeliveryRoutingTest {
    private static final String ALICE = RecordingEmulatorTest.ALICE;
    private static final String BOB = RecordingEmulatorTest.BOB;
    private static final String[] SEED_BODY = {"my_recordings", "shared_external_recordings"};

    @LocalServerPort
    int port;
    private final List<Map.Entry<String, String>> created = new ArrayList<>();
    private final List<Destination> destinations = new ArrayList<>();

    EmulatorHttp http() {
        return new EmulatorHttp(port);
    }

    @AfterEach
    void deleteWebhooks() {
        created.forEach(w -> http().delete("/external/v1/webhooks/" + w.getValue(), w.getKey()));
        destinations.forEach(Destination::close);
    }

    @Test
    void aNewRecordingGoesToItsRecorderOnly() throws Exception {
        Destination alice = webhook(ALICE, SEED_BODY);
        Destination bob = webhook(BOB, SEED_BODY);

        JsonNode sent = record("{}");

        assertThat(sent.path("meeting").path("recorded_by").path("email").asString())
                .isEqualTo("alice@acme-sales.test");
        assertThat(sent.path("deliveries")).hasSize(1);
        assertThat(alice.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(bob.received()).isEmpty();
    }

    @Test
    void aColleaguesShareReachesBothThroughTheirTriggers() throws Exception {
        Destination alice = webhook(ALICE, SEED_BODY);
        Destination aliceOwnOnly = webhook(ALICE, "my_recordings");
        Destination bob = webhook(BOB, SEED_BODY);

        JsonNode sent = record("{\"recordedBy\":\"bob@acme-sales.test\",\"sharedWith\":[\"alice@acme-sales.test\"]}");

        assertThat(sent.path("deliveries")).hasSize(2);
        assertThat(bob.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(alice.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(aliceOwnOnly.received()).as("not Alice's recording").isEmpty();
        long id = sent.path("meeting").path("recording_id").asLong();
        assertThat(JSON.readTree(alice.received().get(0).body()).path("recorded_by").path("name").asString())
                .isEqualTo("Bob Durand");
        assertThat(newest(ALICE).path("recording_id").asLong()).isEqualTo(id);
        assertThat(newest(BOB).path("recording_id").asLong()).isEqualTo(id);
    }

    @Test
    void anOutsidersShareReachesTheUserItWasSharedWith() throws Exception {
        Destination alice = webhook(ALICE, SEED_BODY);
        Destination bob = webhook(BOB, SEED_BODY);

        JsonNode sent = record("""
                {"recordedBy":{"name":"Morgan Lee","email":"partner@other-company.test"},
                 "sharedWith":["emulator-api-key"]}""");

        assertThat(alice.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(bob.received()).isEmpty();
        JsonNode recorder = JSON.readTree(alice.received().get(0).body()).path("recorded_by");
        assertThat(recorder.path("email").asString()).isEqualTo("partner@other-company.test");
        assertThat(recorder.path("email_domain").asString()).isEqualTo("other-company.test");
        assertThat(newest(BOB).path("recording_id").asLong())
                .isNotEqualTo(sent.path("meeting").path("recording_id").asLong());
    }

    @Test
    void onTeamPlansARecordingSharedWithTheTeamNeedsTheTeamTriggers() throws Exception {
        Destination aliceSeedBody = webhook(ALICE, SEED_BODY);
        Destination aliceTeamBody = webhook(ALICE, "my_recordings", "shared_external_recordings",
                "my_shared_with_team_recordings");
        Destination bobSeedBody = webhook(BOB, SEED_BODY);
        Destination bobTeam = webhook(BOB, "shared_team_recordings");

        JsonNode sent = record("{\"sharedWithTeam\":true}");

        assertThat(sent.path("meeting").path("shared_with").asString()).isEqualTo("single_team");
        assertThat(sent.path("deliveries")).hasSize(2);
        assertThat(aliceTeamBody.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(bobTeam.await(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(aliceSeedBody.received()).as("my_recordings excludes team-shared recordings").isEmpty();
        assertThat(bobSeedBody.received()).isEmpty();
    }

    @Test
    void aRecordingWithoutDeliveryIsListedButSendsNoWebhook() {
        Destination alice = webhook(ALICE, SEED_BODY);

        JsonNode sent = record("{\"deliver\":false,\"title\":\"Lost webhook\"}");

        assertThat(sent.path("deliveries")).isEmpty();
        assertThat(alice.received()).isEmpty();
        JsonNode listed = newest(ALICE);
        assertThat(listed.path("recording_id").asLong()).isEqualTo(sent.path("meeting").path("recording_id").asLong());
        assertThat(listed.path("title").asString()).isEqualTo("Lost webhook");
    }

    @Test
    void aClosingLineEndsTheTranscriptInTheRecordersWords() {
        JsonNode sent = record("{\"deliver\":false,\"closingLine\":\"Words no other meeting has, 8c1f.\"}");

        JsonNode transcript = sent.path("meeting").path("transcript");
        JsonNode last = transcript.get(transcript.size() - 1);
        assertThat(last.path("text").asString()).isEqualTo("Words no other meeting has, 8c1f.");
        assertThat(last.path("speaker").path("display_name").asString())
                .isEqualTo(sent.path("meeting").path("recorded_by").path("name").asString());
    }

    @Test
    void internalAndTranscriptlessRecordings() throws Exception {
        Destination alice = webhook(ALICE, SEED_BODY);

        record("{\"internal\":true}");
        record("{\"transcript\":null}");

        List<Destination.Received> received = alice.await(2, Duration.ofSeconds(5));
        JsonNode internal = JSON.readTree(received.get(0).body());
        assertThat(internal.path("calendar_invitees_domains_type").asString()).isEqualTo("only_internal");
        assertThat(internal.path("calendar_invitees")).allSatisfy(i ->
                assertThat(i.path("is_external").asBoolean()).isFalse());
        JsonNode empty = JSON.readTree(received.get(1).body());
        assertThat(empty.has("transcript")).isTrue();
        assertThat(empty.path("transcript").isNull()).isTrue();
        assertThat(empty.path("default_summary").isNull()).isTrue();
    }

    @Test
    void refusesOptionsItCannotHonour() {
        assertThat(http().post("/emulator/recordings", null, "{\"recordedBy\":\"carol@acme-sales.test\"}")
                .statusCode()).isEqualTo(400);
        assertThat(http().post("/emulator/recordings", null, "{\"sharedWith\":[\"nobody\"]}").statusCode())
                .isEqualTo(400);
        assertThat(http().post("/emulator/recordings", null, "{\"recordBy\":\"bob@acme-sales.test\"}").statusCode())
                .isEqualTo(400);
        assertThat(http().post("/emulator/recordings", null, "{\"seedIndex\":1,\"internal\":true}").statusCode())
                .isEqualTo(400);
        assertThat(http().post("/emulator/recordings", null, "{\"transcript\":\"none\"}").statusCode())
                .isEqualTo(400);
    }

    private JsonNode record(String options) {
        var answer = http().post("/emulator/recordings", null, options);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return http().json(answer);
    }

    private JsonNode newest(String key) {
        return http().json(http().get("/external/v1/meetings", key)).path("items").get(0);
    }

    private Destination webhook(String key, String... triggeredFor) {
        Destination destination = Destination.answering(202);
        destinations.add(destination);
        created.add(Map.entry(key, http().createWebhook(key, destination.url(), triggeredFor).path("id").asString()));
        return destination;
    }
}
