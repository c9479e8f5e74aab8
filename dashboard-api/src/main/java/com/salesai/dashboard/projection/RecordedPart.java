package com.salesai.dashboard.projection;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.List;

/**
 * What {@code CallRecorded} tells about a call. {@code weekStart} (ISO date of the UTC Monday of
 * {@code startedAt}) is stored so the weekly series groups on a plain field instead of date operators.
 * {@code team} is the recorder's Fathom team when the call was recorded; {@code attribution} ({@code recorder} |
 * {@code shared}) says whether {@code userId} recorded the call or received it shared; {@code receivedBy} is the
 * member whose webhook, import or sync brought it; {@code url} is Fathom's calls URL (playback links seek on it);
 * {@code receivedAt} is when the ingest or integration-service received it, where the time to evaluated starts.
 */
public record RecordedPart(
        Instant occurredAt,
        String orgId,
        String userId,
        String repName,
        String repEmail,
        String title,
        Instant startedAt,
        String weekStart,
        Integer durationSeconds,
        String source,
        int externalInviteeCount,
        String shareUrl,
        String language,
        List<Participant> participants,
        List<TranscriptSegment> transcript,
        String summaryMarkdown,
        List<ActionItem> actionItems,
        String team,
        String attribution,
        String receivedBy,
        String url,
        String meetingType,
        String calendarInviteesDomainsType,
        List<Highlight> highlights,
        Instant receivedAt) {

    public RecordedPart {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }
}
