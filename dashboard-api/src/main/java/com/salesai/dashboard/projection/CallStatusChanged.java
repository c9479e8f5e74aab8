package com.salesai.dashboard.projection;

/**
 * Published in-process (Spring application event) after the read model stored a call whose status changed.
 * {@code title} is null while only the analysis part is known.
 */
public record CallStatusChanged(String callId, String orgId, String userId, String status, Integer overallScore,
                                String outcome, String title) {

    static CallStatusChanged of(CallRecord record) {
        return new CallStatusChanged(record.callId(), record.orgId(), record.userId(), record.status(),
                record.analysis() == null ? null : record.analysis().overallScore(),
                record.analysis() == null ? null : record.analysis().outcome(),
                record.recorded() == null ? null : record.recorded().title());
    }
}
