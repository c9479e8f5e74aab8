package com.salesai.schema.fathom;

import com.salesai.schema.attribution.Credit;
import com.salesai.schema.callid.CallIds;
import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One call read from a Fathom payload, whatever its format; it lacks only what the receiver knows (org,
 * credited user, source, time of receipt), which {@link #toCallRecorded} adds. {@code transcriptPlaintext} is set whenever
 * the payload has any transcript (the content-based call id is made of it); the event carries it only when there are
 * no segments, so the transcript is carried once.
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
        List<ActionItem> actionItems,
        String meetingType,
        InviteeDomainsType calendarInviteesDomainsType,
        List<Highlight> highlights,
        List<String> truncatedFields) {

    /** Every free-text field and list within {@link FieldCaps}; {@code truncatedFields} names what was cut. */
    public NormalizedCall {
        FieldCaps caps = new FieldCaps(truncatedFields);
        title = caps.text("title", title, FieldCaps.TITLE);
        recordedBy = caps.person("recordedBy", recordedBy);
        shareUrl = FathomLinks.orNull(shareUrl);
        language = caps.text("language", language, FieldCaps.SHORT_TEXT);
        participants = List.copyOf(caps.participants(participants));
        transcript = List.copyOf(caps.transcript(transcript));
        transcriptPlaintext = caps.text("transcriptPlaintext", transcriptPlaintext, FieldCaps.TRANSCRIPT_CHARS);
        summaryMarkdown = caps.text("summaryMarkdown", summaryMarkdown, FieldCaps.SUMMARY);
        actionItems = List.copyOf(caps.actionItems(actionItems));
        meetingType = caps.text("meetingType", meetingType, FieldCaps.SHORT_TEXT);
        highlights = List.copyOf(caps.highlights(highlights));
        truncatedFields = caps.truncated();
    }

    /**
     * The deterministic call id in this organization: keyed by the recording id, else the recording url, else the
     * content, so a webhook, its retries, an import, the catch-up sync and the webhooks of every member the recording
     * was shared with collapse into one call.
     */
    public String callIdIn(String orgId) {
        if (fathomRecordingId != null) {
            return CallIds.forRecording(orgId, fathomRecordingId);
        }
        if (recordingUrl != null) {
            return CallIds.forRecording(orgId, recordingUrl);
        }
        Instant start = recordingStartTime != null ? recordingStartTime : scheduledStartTime;
        return CallIds.forContent(orgId, title, start, transcriptPlaintext);
    }

    /**
     * The event to publish; {@code orgId} must come from the integration view, never from the payload, and
     * {@code credit} from {@link com.salesai.schema.attribution.OrgRecorders} of that org.
     */
    public CallRecorded toCallRecorded(String orgId, Credit credit, String receivedBy, CallSource source,
                                       Instant receivedAt) {
        return new CallRecorded(
                CallRecorded.SCHEMA_VERSION,
                UUID.randomUUID(),
                receivedAt,
                callIdIn(orgId),
                orgId,
                credit.userId(),
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
                receivedAt,
                recordingUrl,
                credit.attribution(),
                receivedBy,
                meetingType,
                calendarInviteesDomainsType,
                highlights,
                truncatedFields);
    }
}
