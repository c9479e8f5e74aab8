package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.CallStatus;
import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.TranscriptSegment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The full call: the {@link CallSummary} fields plus transcript, metrics, evaluation and coaching.
 * {@code evaluation} is null in metrics-only mode or before analysis; {@code failureReason} only when failed.
 */
@Schema(description = "The full call record: CallSummary fields plus transcript, metrics, evaluation")
public record CallDetail(
        String callId,
        String userId,
        String repName,
        String title,
        Instant startedAt,
        Integer durationSeconds,
        @Schema(allowableValues = {"pending", "evaluated", "failed"}) String status,
        Integer overallScore,
        @Schema(allowableValues = {"won", "advanced", "stalled", "lost", "no_decision", "not_a_sales_call"})
        String outcome,
        Integer externalInviteeCount,
        @Schema(allowableValues = {"webhook", "import"}) String source,
        List<Participant> participants,
        List<TranscriptSegment> transcript,
        String summaryMarkdown,
        List<ActionItem> actionItems,
        String shareUrl,
        ConversationMetrics metrics,
        Evaluation evaluation,
        AnalysisInfo analysis,
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
                s.status(), s.overallScore(), s.outcome(), s.externalInviteeCount(), s.source(),
                rec == null ? List.of() : rec.participants(), rec == null ? List.of() : rec.transcript(),
                rec == null ? null : rec.summaryMarkdown(), rec == null ? List.of() : rec.actionItems(),
                rec == null ? null : rec.shareUrl(),
                ana == null ? null : ana.metrics(), ana == null ? null : ana.evaluation(),
                ana == null ? null : new AnalysisInfo(ana.mode(), ana.model(), ana.promptVersion(), ana.analyzedAt()),
                failed ? r.failure().reason() : null);
    }
}
