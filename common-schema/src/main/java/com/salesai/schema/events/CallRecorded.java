package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call recording accepted from Fathom (webhook, historical import or catch-up sync), normalized. Key:
 * {@code callId}, derived from the org and the recording, so a recording is one call in its org however it arrives.
 * {@code orgId} always comes from the integration view, never from the payload. {@code userId} is the member the
 * call is credited to (see {@link Attribution}); {@code receivedBy} the member whose webhook, import or sync brought
 * it. The fields after {@code receivedAt} are optional (v2). {@code truncatedFields} names the fields normalization
 * cut to their bounds (title, names, summary, transcript...), empty when nothing was cut. The transcript is carried
 * once: {@code transcriptPlaintext} only when there are no {@code transcript} segments (then it is left out of the
 * JSON), so a reader takes the segments when there are any and the plaintext otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallRecorded(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String callId,
        String orgId,
        String userId,
        CallSource source,
        SourceFormat sourceFormat,
        String fathomRecordingId,
        String title,
        Person recordedBy,
        Instant scheduledStartTime,
        Instant recordingStartTime,
        Integer durationSeconds,
        String shareUrl,
        String language,
        List<Participant> participants,
        int externalInviteeCount,
        List<TranscriptSegment> transcript,
        @JsonInclude(JsonInclude.Include.NON_NULL) String transcriptPlaintext,
        String summaryMarkdown,
        List<ActionItem> actionItems,
        Instant receivedAt,
        String url,
        Attribution attribution,
        String receivedBy,
        String meetingType,
        InviteeDomainsType calendarInviteesDomainsType,
        List<Highlight> highlights,
        List<String> truncatedFields) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public CallRecorded {
        participants = participants == null ? List.of() : List.copyOf(participants);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        // an older producer's event carries both: the segments are the transcript then too
        transcriptPlaintext = transcript.isEmpty() ? transcriptPlaintext : null;
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        truncatedFields = truncatedFields == null ? List.of() : List.copyOf(truncatedFields);
    }

    /** Whether the call has any transcript to analyze: segments, or a non-blank plaintext. */
    @JsonIgnore
    public boolean hasTranscript() {
        return !transcript.isEmpty() || transcriptPlaintext != null && !transcriptPlaintext.isBlank();
    }

    /** When the call happened: the recording start, else the scheduled start, else when it was received. */
    @JsonIgnore
    public Instant startedAt() {
        if (recordingStartTime != null) {
            return recordingStartTime;
        }
        return scheduledStartTime != null ? scheduledStartTime : receivedAt;
    }
}
