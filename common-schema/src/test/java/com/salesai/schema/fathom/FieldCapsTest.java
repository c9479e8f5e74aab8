package com.salesai.schema.fathom;

import com.salesai.schema.attribution.Credit;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static com.salesai.schema.fathom.Payloads.JSON;
import static com.salesai.schema.fathom.Payloads.call;
import static com.salesai.schema.fathom.Payloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Normalization bounds every free-text field and list of a payload and says what it cut. */
class FieldCapsTest {

    @Test
    void aRealCallIsNotCut() {
        NormalizedCall call = call(resource("meeting-full.json"));

        assertThat(call.truncatedFields()).isEmpty();
    }

    @Test
    void oversizedFieldsAreCutAndNamedOnTheEvent() {
        ObjectNode meeting = (ObjectNode) JSON.readTree(resource("meeting-full.json"));
        meeting.put("title", "T".repeat(FieldCaps.TITLE + 1_000));
        meeting.withObject("recorded_by").put("name", "N".repeat(5_000));
        meeting.withObject("default_summary").put("markdown_formatted", "s".repeat(FieldCaps.SUMMARY + 1));
        ArrayNode invitees = meeting.putArray("calendar_invitees");
        for (int i = 0; i < FieldCaps.PARTICIPANTS + 10; i++) {
            invitees.addObject().put("name", "Guest " + i).put("email", "g" + i + "@client.test");
        }
        ArrayNode transcript = meeting.putArray("transcript");
        for (int i = 0; i < FieldCaps.SEGMENTS + 5; i++) {
            transcript.addObject().put("text", "Bonjour " + i).put("timestamp", "00:00:01")
                    .putObject("speaker").put("display_name", "Alice");
        }
        transcript.insertObject(0).put("text", "x".repeat(FieldCaps.SEGMENT_TEXT * 2)).put("timestamp", "00:00:00");

        NormalizedCall call = call(JSON.writeValueAsString(meeting));

        assertThat(call.title()).hasSize(FieldCaps.TITLE).startsWith("TTT");
        assertThat(call.recordedBy().name()).hasSize(FieldCaps.NAME);
        assertThat(call.summaryMarkdown()).hasSize(FieldCaps.SUMMARY);
        assertThat(call.participants()).hasSize(FieldCaps.PARTICIPANTS);
        assertThat(call.externalInviteeCount()).as("counted before the cut").isEqualTo(FieldCaps.PARTICIPANTS + 10);
        assertThat(call.transcript()).hasSize(FieldCaps.SEGMENTS);
        assertThat(call.transcript().get(0).text()).hasSize(FieldCaps.SEGMENT_TEXT);
        assertThat(call.transcriptPlaintext()).hasSizeLessThanOrEqualTo(FieldCaps.TRANSCRIPT_CHARS);
        assertThat(call.truncatedFields()).containsExactly("participants", "recordedBy.name", "summaryMarkdown",
                "title", "transcript", "transcript.text");

        CallRecorded event = call.toCallRecorded("org-1", new Credit("u1", Attribution.RECORDER), "u1",
                CallSource.WEBHOOK, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(event.truncatedFields()).isEqualTo(call.truncatedFields());
    }

    @Test
    void theTranscriptIsBoundedInCharactersAcrossSegments() {
        ObjectNode meeting = (ObjectNode) JSON.readTree(resource("meeting-full.json"));
        ArrayNode transcript = meeting.putArray("transcript");
        int segments = FieldCaps.TRANSCRIPT_CHARS / FieldCaps.SEGMENT_TEXT + 3;
        for (int i = 0; i < segments; i++) {
            transcript.addObject().put("text", "y".repeat(FieldCaps.SEGMENT_TEXT)).put("timestamp", "00:00:02");
        }

        NormalizedCall call = call(JSON.writeValueAsString(meeting));

        assertThat(call.transcript().stream().mapToInt(s -> s.text().length()).sum())
                .isEqualTo(FieldCaps.TRANSCRIPT_CHARS);
        assertThat(call.truncatedFields()).containsExactly("transcript", "transcriptPlaintext");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        FieldCaps caps = new FieldCaps(null);
        String emoji = "\uD83D\uDE00"; // one code point, two chars

        String cut = caps.text("title", "a" + emoji.repeat(10), 2);

        assertThat(cut).isEqualTo("a");
        assertThat(caps.truncated()).containsExactly("title");
    }
}
