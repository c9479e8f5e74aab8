package com.salesai.dashboard.projection;

import java.time.Instant;

/** What {@code CallAnalysisFailed} tells: analysis gave up after {@code attempts}. */
public record FailurePart(Instant failedAt, String orgId, String userId, String reason, int attempts) {
}
