package com.salesai.dashboard.projection;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.List;

/**
 * What {@code CallRecorded} tells about a call. {@code weekStart} (ISO date of the UTC Monday of
 * {@code startedAt}) is stored so the weekly series groups on a plain field instead of date operators.
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
        List<ActionItem> actionItems) {
}
