package com.salesai.dashboard.calls;

import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.DayCall;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A call in a list: no transcript. Recorded fields are null while only the analysis has arrived. */
@Schema(description = "A call as listed; recorded fields are null until the recording event arrives")
public record CallSummary(
        String callId,
        String userId,
        String repName,
        String title,
        Instant startedAt,
        Integer durationSeconds,
        @Schema(allowableValues = {"pending", "evaluated", "failed"}) String status,
        @Schema(description = "0..100, null until evaluated") Integer overallScore,
        @Schema(allowableValues = {"won", "advanced", "stalled", "lost", "no_decision", "not_a_sales_call"})
        String outcome,
        Integer externalInviteeCount,
        @Schema(allowableValues = {"webhook", "import"}) String source) {

    static CallSummary of(DayCall c) {
        return new CallSummary(c.callId(), c.userId(), c.repName(), c.title(), c.startedAt(), c.durationSeconds(),
                c.status(), c.overallScore(), c.outcome(), c.externalInviteeCount(), c.source());
    }

    static CallSummary of(CallRecord r) {
        var rec = r.recorded();
        var ana = r.analysis();
        return new CallSummary(r.callId(), r.userId(),
                rec == null ? null : rec.repName(), rec == null ? null : rec.title(),
                rec == null ? null : rec.startedAt(), rec == null ? null : rec.durationSeconds(),
                r.status(), ana == null ? null : ana.overallScore(), ana == null ? null : ana.outcome(),
                rec == null ? null : rec.externalInviteeCount(), rec == null ? null : rec.source());
    }
}
