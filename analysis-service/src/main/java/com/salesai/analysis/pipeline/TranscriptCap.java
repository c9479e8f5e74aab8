package com.salesai.analysis.pipeline;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.TranscriptSegment;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds what one call can cost: at most {@code maxChars} characters of transcript text (segment texts, or the
 * plaintext) go to the LLM, whole segments first, the segment that crosses the limit cut at a word boundary, the
 * rest left out. Conversation metrics are still computed on the whole call.
 */
record TranscriptCap(int maxChars) {

    /** The call as the LLM sees it, and whether anything was left out. */
    record Capped(CallRecorded call, boolean truncated) {
    }

    Capped apply(CallRecorded call) {
        if (!call.transcript().isEmpty()) {
            List<TranscriptSegment> kept = new ArrayList<>();
            long used = 0;
            for (TranscriptSegment segment : call.transcript()) {
                String text = segment.text() == null ? "" : segment.text();
                if (used + text.length() > maxChars) {
                    int room = (int) (maxChars - used);
                    if (room > 0) {
                        kept.add(new TranscriptSegment(segment.speaker(), segment.speakerEmail(), cut(text, room),
                                segment.offsetSeconds()));
                    }
                    return new Capped(withTranscript(call, kept, null), true);
                }
                used += text.length();
                kept.add(segment);
            }
            return new Capped(call, false);
        }
        String plaintext = call.transcriptPlaintext();
        if (plaintext != null && plaintext.length() > maxChars) {
            return new Capped(withTranscript(call, List.of(), cut(plaintext, maxChars)), true);
        }
        return new Capped(call, false);
    }

    /** At most {@code maxChars} characters, ending before the last whitespace when there is one, never mid-pair. */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
        for (int i = end; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        return text.substring(0, end);
    }

    private static CallRecorded withTranscript(CallRecorded c, List<TranscriptSegment> transcript, String plaintext) {
        return new CallRecorded(c.schemaVersion(), c.eventId(), c.occurredAt(), c.callId(), c.orgId(), c.userId(),
                c.source(), c.sourceFormat(), c.fathomRecordingId(), c.title(), c.recordedBy(), c.scheduledStartTime(),
                c.recordingStartTime(), c.durationSeconds(), c.shareUrl(), c.language(), c.participants(),
                c.externalInviteeCount(), transcript, plaintext, c.summaryMarkdown(), c.actionItems(), c.receivedAt(),
                c.url(), c.attribution(), c.receivedBy(), c.meetingType(), c.calendarInviteesDomainsType(),
                c.highlights(),
                c.truncatedFields());
    }
}
