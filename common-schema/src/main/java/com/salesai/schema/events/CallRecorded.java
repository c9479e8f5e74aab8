package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call recording accepted from Fathom (webhook or historical import), normalized. Key: {@code callId}.
 * {@code orgId} always comes from the integration view, never from the payload.
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
        String transcriptPlaintext,
        String summaryMarkdown,
        List<ActionItem> actionItems,
        Instant receivedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public CallRecorded {
        participants = participants == null ? List.of() : List.copyOf(participants);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
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
