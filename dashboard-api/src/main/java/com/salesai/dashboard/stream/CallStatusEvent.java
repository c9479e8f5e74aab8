package com.salesai.dashboard.stream;

import com.salesai.dashboard.projection.CallStatusChanged;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data of an SSE {@code call-status} event. */
@Schema(description = "Data of the SSE event 'call-status'")
public record CallStatusEvent(String callId,
                              @Schema(allowableValues = {"pending", "evaluated", "failed", "skipped"}) String status,
                              Integer overallScore, String outcome, String userId, String title) {

    static CallStatusEvent of(CallStatusChanged change) {
        return new CallStatusEvent(change.callId(), change.status(), change.overallScore(), change.outcome(),
                change.userId(), change.title());
    }
}
