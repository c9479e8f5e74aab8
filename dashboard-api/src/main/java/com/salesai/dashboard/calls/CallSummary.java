package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.DayCall;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A call in a list: no transcript. Recorded fields are null while only the analysis has arrived. */
@Schema(description = "A call as listed; recorded fields are null until the recording event arrives")
public record CallSummary(
        String callId,
        @Schema(description = "the rep the call is credited to") String userId,
        String repName,
        String title,
        Instant startedAt,
        Integer durationSeconds,
        @Schema(allowableValues = {"pending", "evaluated", "failed", "skipped"}) String status,
        @Schema(description = "0..100, the AI's, null until evaluated") Integer overallScore,
        @Schema(description = "0..100, the score that counts in filters, sorts, averages and trends: the overall score "
                + "with a manager's reviewed criterion scores in place of the AI's; equals overallScore when the call "
                + "was not reviewed; null until evaluated") Integer effectiveScore,
        @Schema(allowableValues = {"won", "advanced", "stalled", "lost", "no_decision", "not_a_sales_call"})
        String outcome,
        Integer externalInviteeCount,
        @Schema(allowableValues = {"webhook", "import", "sync"}) String source,
        @Schema(allowableValues = {"recorder", "shared"}, description = "recorder: the rep recorded the call and it "
                + "counts in their statistics; shared: someone else recorded it and shared it with the rep")
        String attribution,
        @Schema(description = "the recorder's Fathom team when the call was recorded") String team,
        @Schema(allowableValues = {"no_transcript", "internal_meeting", "recorded_outside_org", "budget_exhausted"},
                description = "why a skipped call was not sent to the LLM") String skipReason,
        @Schema(description = "e.g. possible_prompt_injection") List<String> reviewFlags,
        @Schema(description = "whether a manager reviewed the call's scores") boolean reviewed) {

    static CallSummary of(DayCall c) {
        return new CallSummary(c.callId(), c.userId(), c.repName(), c.title(), c.startedAt(), c.durationSeconds(),
                c.status(), c.overallScore(), c.scoreThatCounts(), c.outcome(), c.externalInviteeCount(), c.source(),
                c.attribution(), c.team(), c.skipReason(), c.reviewFlags(), Boolean.TRUE.equals(c.reviewed()));
    }

    static CallSummary of(CallRecord r) {
        var rec = r.recorded();
        var ana = r.analysis();
        return new CallSummary(r.callId(), r.userId(),
                rec == null ? null : rec.repName(), rec == null ? null : rec.title(),
                rec == null ? null : rec.startedAt(), rec == null ? null : rec.durationSeconds(),
                r.status(), ana == null ? null : ana.overallScore(), r.effectiveScore(),
                ana == null ? null : ana.outcome(), rec == null ? null : rec.externalInviteeCount(),
                rec == null ? null : rec.source(), rec == null ? null : rec.attribution(),
                rec == null ? null : rec.team(), ana == null ? null : ana.skipReason(),
                ana == null ? List.of() : ana.reviewFlags(), r.review() != null);
    }
}
