package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.review.CallReview;
import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.TranscriptSegment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The full call: the {@link CallSummary} fields plus transcript, metrics, evaluation, coaching and a manager's review.
 * {@code evaluation} (the AI's, unchanged by a review) is null in metrics-only mode, for a skipped call and before
 * analysis; {@code review} is null until a manager reviewed the call; {@code failureReason} only when failed.
 * Evidence quotes carry {@code verified} and, when verified, the {@code segmentIndex} of the transcript segment they
 * were found in.
 */
@Schema(description = "The full call record: CallSummary fields plus transcript, metrics, evaluation, review")
public record CallDetail(
        String callId,
        String userId,
        String repName,
        String title,
        Instant startedAt,
        Integer durationSeconds,
        @Schema(allowableValues = {"pending", "evaluated", "failed", "skipped"}) String status,
        @Schema(description = "0..100, the AI's") Integer overallScore,
        @Schema(description = "0..100, the score that counts: review.effectiveScore when reviewed, else overallScore")
        Integer effectiveScore,
        @Schema(allowableValues = {"won", "advanced", "stalled", "lost", "no_decision", "not_a_sales_call"})
        String outcome,
        Integer externalInviteeCount,
        @Schema(allowableValues = {"webhook", "import", "sync"}) String source,
        @Schema(allowableValues = {"recorder", "shared"}) String attribution,
        String team,
        @Schema(allowableValues = {"no_transcript", "internal_meeting", "recorded_outside_org", "budget_exhausted"})
        String skipReason,
        List<String> reviewFlags,
        boolean reviewed,
        @Schema(description = "the member whose webhook, import or sync brought the call") String receivedBy,
        @Schema(description = "Fathom's meeting type (an org-defined name)") String meetingType,
        @Schema(allowableValues = {"only_internal", "one_or_more_external"}) String calendarInviteesDomainsType,
        List<Participant> participants,
        @Schema(description = "segments in order; a verified quote's segmentIndex is an index into this list")
        List<TranscriptSegment> transcript,
        @Schema(description = "Fathom's summary, always in English") String summaryMarkdown,
        @Schema(description = "Fathom's action items, always in English") List<ActionItem> actionItems,
        @Schema(description = "bookmarks people set in Fathom, e.g. Objection") List<Highlight> highlights,
        String shareUrl,
        @Schema(description = "Fathom's calls URL; url?timestamp=N plays the recording from second N") String url,
        ConversationMetrics metrics,
        Evaluation evaluation,
        @Schema(description = "a manager's review, null until there is one") CallReview review,
        AnalysisInfo analysis,
        @Schema(description = "only the transcript's first part was analyzed (it was over the cap)")
        boolean transcriptTruncated,
        String failureReason) {

    /** How the call was analyzed. */
    public record AnalysisInfo(@Schema(allowableValues = {"llm", "metrics-only"}) String mode, String model,
                               String promptVersion, Instant analyzedAt) {
    }

    static CallDetail of(CallRecord r) {
        var s = CallSummary.of(r);
        var rec = r.recorded();
        var ana = r.analysis();
        boolean failed = CallStatus.FAILED.wire().equals(r.status()) && r.failure() != null;
        return new CallDetail(s.callId(), s.userId(), s.repName(), s.title(), s.startedAt(), s.durationSeconds(),
                s.status(), s.overallScore(), s.effectiveScore(), s.outcome(), s.externalInviteeCount(), s.source(),
                s.attribution(), s.team(), s.skipReason(), s.reviewFlags(), s.reviewed(),
                rec == null ? null : rec.receivedBy(), rec == null ? null : rec.meetingType(),
                rec == null ? null : rec.calendarInviteesDomainsType(),
                rec == null ? List.of() : rec.participants(), rec == null ? List.of() : rec.transcript(),
                rec == null ? null : rec.summaryMarkdown(), rec == null ? List.of() : rec.actionItems(),
                rec == null ? List.of() : rec.highlights(),
                rec == null ? null : rec.shareUrl(), rec == null ? null : rec.url(),
                ana == null ? null : ana.metrics(), ana == null ? null : ana.evaluation(), CallReview.of(r),
                ana == null ? null : new AnalysisInfo(ana.mode(), ana.model(), ana.promptVersion(), ana.analyzedAt()),
                ana != null && Boolean.TRUE.equals(ana.transcriptTruncated()),
                failed ? r.failure().reason() : null);
    }
}
