package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.DayBucketStore;
import org.springframework.stereotype.Component;

/**
 * Loads a summary's rows from the totals of the caller's organization, by {@code _id}: one document per whole week
 * of the range and of the previous period, one per day left over at their ends, whatever the number of calls.
 */
@Component
class SummaryDays {

    private final DayBucketStore days;

    SummaryDays(DayBucketStore days) {
        this.days = days;
    }

    SummaryRows load(Caller caller, SummaryRange range, String team) {
        SummaryRange previous = range.previous();
        return SummaryTallies.rows(caller, team, days.totals(caller.orgId(), range.from(), range.to()),
                days.totals(caller.orgId(), previous.from(), previous.to()));
    }
}
