package com.salesai.integration.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;

/** {@code POST /api/integrations/fathom/import}; {@code maxMeetings} defaults to the maximum, 50. */
record ImportRequest(@Min(1) @Max(MAX_MEETINGS) Integer maxMeetings, Instant createdAfter) {
    static final int MAX_MEETINGS = 50;

    int maxMeetingsOrDefault() {
        return maxMeetings == null ? MAX_MEETINGS : maxMeetings;
    }
}
