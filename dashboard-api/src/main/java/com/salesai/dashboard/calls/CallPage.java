package com.salesai.dashboard.calls;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of calls; {@code page} is 0-based. */
@Schema(description = "A 0-based page of calls")
public record CallPage(List<CallSummary> items, int page, int size, long totalItems, int totalPages) {

    static CallPage of(List<CallSummary> items, int page, int size, long totalItems) {
        return new CallPage(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
