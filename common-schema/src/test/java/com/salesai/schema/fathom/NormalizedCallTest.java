package com.salesai.schema.fathom;

import com.salesai.schema.attribution.Credit;
import com.salesai.schema.callid.CallIds;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.EventJson;
import com.salesai.schema.events.SourceFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.salesai.schema.fathom.Payloads.call;
import static com.salesai.schema.fathom.Payloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

class NormalizedCallTest {

    private static final String NESTED_SAME_RECORDING = """
            {"id":123456789,"fathom_user":{"email":"alice@acme.com"},"meeting":{"title":"Other title"},
             "transcript":{"plaintext":"Alice: a different rendering"}}""";

    @Test
    void sameRecordingInFathomMeetingAndNestedFormatIsOneCall() {
        NormalizedCall meeting = call(resource("meeting-full.json"));
        NormalizedCall nested = call(NESTED_SAME_RECORDING);

        assertThat(meeting.callIdIn("org-1"))
                .isEqualTo(nested.callIdIn("org-1"))
                .isEqualTo(CallIds.forRecording("org-1", "123456789"));
        assertThat(meeting.callIdIn("org-2")).isNotEqualTo(meeting.callIdIn("org-1"));
    }

    @Test
    void withoutARecordingIdTheUrlIsTheKey() {
        NormalizedCall call = call("{\"title\":\"T\",\"url\":\"https://fathom.video/calls/77\"}");

        assertThat(call.fathomRecordingId()).isNull();
        assertThat(call.callIdIn("org-1")).isEqualTo(CallIds.forRecording("org-1", "https://fathom.video/calls/77"));
    }

    @Test
    void withoutAnyKeyTheContentIsTheKey() {
        String body = """
                {"meeting_title":"Demo","meeting_scheduled_start_time":"2025-03-04T14:00:00Z",
                 "transcript_plaintext":"Rep: Hello"}""";
        NormalizedCall call = call(body);
        NormalizedCall changedTranscript = call(body.replace("Hello", "Hello!"));

        assertThat(call.callIdIn("org-1"))
                .isEqualTo(call(body).callIdIn("org-1"))
                .isEqualTo(CallIds.forContent("org-1", "Demo", Instant.parse("2025-03-04T14:00:00Z"), "Rep: Hello"))
                .isNotEqualTo(changedTranscript.callIdIn("org-1"))
                .isNotEqualTo(call.callIdIn("org-2"));
    }

    @Test
    void toCallRecordedCarriesTheCallAndTheReceiverContext() {
        NormalizedCall call = call(resource("meeting-full.json"));
        Instant receivedAt = Instant.parse("2025-03-04T15:00:00Z");

        Credit credit = new Credit("user-1", Attribution.SHARED);
        CallRecorded event = call.toCallRecorded("org-1", credit, "user-2", CallSource.WEBHOOK, receivedAt);

        assertThat(event.schemaVersion()).isEqualTo(CallRecorded.SCHEMA_VERSION);
        assertThat(event.eventId()).isNotNull()
                .isNotEqualTo(call.toCallRecorded("org-1", credit, "user-2", CallSource.WEBHOOK, receivedAt).eventId());
        assertThat(event.occurredAt()).isEqualTo(receivedAt);
        assertThat(event.receivedAt()).isEqualTo(receivedAt);
        assertThat(event.callId()).isEqualTo(call.callIdIn("org-1"));
        assertThat(event.userId()).isEqualTo("user-1");
        assertThat(event.attribution()).isEqualTo(Attribution.SHARED);
        assertThat(event.receivedBy()).isEqualTo("user-2");
        assertThat(event.url()).isEqualTo(call.recordingUrl());
        assertThat(event.orgId()).isEqualTo("org-1");
        assertThat(event.source()).isEqualTo(CallSource.WEBHOOK);
        assertThat(event.sourceFormat()).isEqualTo(SourceFormat.FATHOM_MEETING);
        assertThat(event)
                .usingRecursiveComparison()
                .comparingOnlyFields("fathomRecordingId", "title", "recordedBy", "scheduledStartTime",
                        "recordingStartTime", "durationSeconds", "shareUrl", "language", "participants",
                        "externalInviteeCount", "transcript", "summaryMarkdown", "actionItems",
                        "meetingType", "calendarInviteesDomainsType", "highlights", "truncatedFields")
                .isEqualTo(call);
    }

    @Test
    void theEventCarriesTheTranscriptOnceAsSegmentsWhenThereAreAny() {
        NormalizedCall call = call(resource("meeting-full.json"));
        CallRecorded event = call.toCallRecorded("org-1", new Credit("user-1", Attribution.RECORDER), "user-1",
                CallSource.WEBHOOK, Instant.parse("2025-03-04T15:00:00Z"));

        assertThat(call.transcript()).isNotEmpty();
        assertThat(call.transcriptPlaintext()).isNotBlank();
        assertThat(event.transcript()).isEqualTo(call.transcript());
        assertThat(event.transcriptPlaintext()).isNull();
        assertThat(event.hasTranscript()).isTrue();
        assertThat(EventJson.mapper().writeValueAsString(event)).doesNotContain("transcriptPlaintext");
    }

    @Test
    void theEventCarriesThePlaintextWhenItHasNoSegments() {
        NormalizedCall call = call("""
                {"meeting_title":"Demo","transcript_plaintext":"no speaker on this line\\nnor on this one"}""");
        CallRecorded event = call.toCallRecorded("org-1", new Credit("user-1", Attribution.RECORDER), "user-1",
                CallSource.WEBHOOK, Instant.parse("2025-03-04T15:00:00Z"));

        assertThat(event.transcript()).isEmpty();
        assertThat(event.transcriptPlaintext()).isEqualTo("no speaker on this line\nnor on this one");
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event), CallRecorded.class))
                .isEqualTo(event);
    }
}
