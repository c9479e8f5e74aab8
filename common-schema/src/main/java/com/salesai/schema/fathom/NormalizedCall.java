package com.salesai.schema.fathom;

import com.salesai.schema.callid.CallIds;
import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One call read from a Fathom payload, whatever its format; it lacks only what the receiver knows (user, org,
 * source, time of receipt), which {@link #toCallRecorded} adds. {@code transcriptPlaintext} is set whenever the
 * payload has any transcript, so consumers never rebuild it from segments.
 */
public record NormalizedCall(
        SourceFormat sourceFormat,
        String fathomRecordingId,
        String recordingUrl,
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
        List<ActionItem> actionItems) {

    public NormalizedCall {
        participants = participants == null ? List.of() : List.copyOf(participants);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }

    /**
     * The deterministic call id for this user: keyed by the recording id, else the recording url, else the content,
     * so a webhook, its retries and a historical import of the same meeting collapse into one call.
     */
    public String callIdFor(String userId) {
        if (fathomRecordingId != null) {
            return CallIds.forRecording(userId, fathomRecordingId);
        }
        if (recordingUrl != null) {
            return CallIds.forRecording(userId, recordingUrl);
        }
        Instant start = recordingStartTime != null ? recordingStartTime : scheduledStartTime;
        return CallIds.forContent(userId, title, start, transcriptPlaintext);
    }

    /** The event to publish; {@code orgId} must come from the integration view, never from the payload. */
    public CallRecorded toCallRecorded(String userId, String orgId, CallSource source, Instant receivedAt) {
        return new CallRecorded(
                CallRecorded.SCHEMA_VERSION,
                UUID.randomUUID(),
                receivedAt,
                callIdFor(userId),
                orgId,
                userId,
                source,
                sourceFormat,
                fathomRecordingId,
                title,
                recordedBy,
                scheduledStartTime,
                recordingStartTime,
                durationSeconds,
                shareUrl,
                language,
                participants,
                externalInviteeCount,
                transcript,
                transcriptPlaintext,
                summaryMarkdown,
                actionItems,
                receivedAt);
    }
}
