package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.DayBucketStore;
import com.salesai.dashboard.projection.DayBuckets;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a summary's rows from the per-day totals of the caller's organization: one {@code _id} lookup of at most
 * 2 × 366 small documents (the range and the previous period), whatever the number of calls.
 */
@Component
class SummaryDays {

    private final DayBucketStore days;

    SummaryDays(DayBucketStore days) {
        this.days = days;
    }

    SummaryRows load(Caller caller, SummaryRange range) {
        return SummaryTallies.rows(caller, days.totals(keys(caller, range)), days.totals(keys(caller, range.previous())));
    }

    static List<String> keys(Caller caller, SummaryRange range) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            keys.add(DayBuckets.key(caller.orgId(), day));
        }
        return keys;
    }
}
