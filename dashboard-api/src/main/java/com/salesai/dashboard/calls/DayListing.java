package com.salesai.dashboard.calls;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallDay;
import com.salesai.dashboard.projection.DayBuckets;
import com.salesai.dashboard.projection.DayCall;
import com.salesai.dashboard.projection.DayTotals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A list with a date window answered from day buckets, with exactly the filters, order and paging of the
 * {@code call_records} query. Sorted by start time, it reads the window's buckets in order, a week at a time, only
 * until the page is filled, and takes the total from the week and day totals when they can answer it (whole days, no
 * score or review-flag filter); with such a filter it reads every bucket of the window.
 */
final class DayListing {

    static final int MAX_DAYS = 366;
    static final int CHUNK_DAYS = 7;

    private DayListing() {
    }

    /**
     * Whether buckets answer this query: a bounded window sorted by start time (text search and score sorts query
     * the records, whose score indexes avoid reading every call of the window).
     */
    static boolean applies(CallListQuery q) {
        return q.from() != null && q.toExclusive() != null && q.q() == null
                && q.sortField() == CallListQuery.SortField.STARTED_AT && days(q).size() <= MAX_DAYS;
    }

    /** Reads the totals of an org's days [first, last]. */
    interface TotalsReader {
        List<DayTotals> totals(String orgId, LocalDate first, LocalDate last);
    }

    static CallPage page(Caller caller, CallListQuery q, Function<List<String>, List<CallDay>> loadDays,
                         TotalsReader loadTotals) {
        List<LocalDate> days = days(q);
        List<String> keys = days.stream().map(day -> DayBuckets.key(caller.orgId(), day)).toList();
        long skip = (long) q.page() * q.size();
        if (totalsAnswer(q)) {
            long total = total(caller, q, loadTotals);
            if (skip >= total) {
                return CallPage.of(List.of(), q.page(), q.size(), total);
            }
            List<String> ordered = new ArrayList<>(keys);
            if (!q.descending()) {
                Collections.reverse(ordered);
            }
            List<DayCall> hits = new ArrayList<>();
            for (int i = 0; i < ordered.size() && hits.size() < skip + q.size(); i += CHUNK_DAYS) {
                List<String> chunk = ordered.subList(i, Math.min(i + CHUNK_DAYS, ordered.size()));
                Map<String, CallDay> loaded = loadDays.apply(chunk).stream()
                        .collect(Collectors.toMap(CallDay::id, Function.identity()));
                for (String key : chunk) {
                    CallDay day = loaded.get(key);
                    if (day != null) {
                        day.calls().stream().filter(c -> matches(caller, q, c)).sorted(order(q)).forEach(hits::add);
                    }
                }
            }
            return CallPage.of(slice(hits, skip, q.size()), q.page(), q.size(), total);
        }
        List<DayCall> all = loadDays.apply(keys).stream().flatMap(d -> d.calls().stream())
                .filter(c -> matches(caller, q, c)).sorted(order(q)).toList();
        return CallPage.of(slice(all, skip, q.size()), q.page(), q.size(), all.size());
    }

    /**
     * Whether the totals alone answer the query's count whatever its order: a bounded window of whole days, no text
     * search, no score or review-flag filter (a score-sorted list then counts without querying the records).
     */
    static boolean countsFromTotals(CallListQuery q) {
        return q.from() != null && q.toExclusive() != null && q.q() == null && days(q).size() <= MAX_DAYS
                && totalsAnswer(q);
    }

    /** The number of calls the query matches, from the week and day totals ({@link #countsFromTotals}). */
    static long total(Caller caller, CallListQuery q, TotalsReader loadTotals) {
        List<LocalDate> days = days(q);
        return loadTotals.totals(caller.orgId(), days.get(days.size() - 1), days.get(0)).stream()
                .flatMap(t -> t.tallies().stream())
                .filter(t -> matches(caller, q, t)).mapToLong(DayTotals.Tally::calls).sum();
    }

    /** The UTC days the window touches, newest first. */
    static List<LocalDate> days(CallListQuery q) {
        LocalDate first = DayBuckets.dayOf(q.from());
        LocalDate last = DayBuckets.dayOf(q.toExclusive().minusNanos(1));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = last; !day.isBefore(first) && days.size() <= MAX_DAYS; day = day.minusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Per-day totals count whole days and know neither scores nor review flags of single calls. */
    static boolean totalsAnswer(CallListQuery q) {
        return q.minScore() == null && q.reviewFlag() == null && startsADay(q.from()) && startsADay(q.toExclusive());
    }

    private static boolean startsADay(Instant instant) {
        return DayBuckets.dayOf(instant).atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant);
    }

    static boolean matches(Caller caller, CallListQuery q, DayCall c) {
        return inScope(caller, q, c.userId(), c.status(), c.outcome(), c.attribution(), c.team())
                && !c.startedAt().isBefore(q.from()) && c.startedAt().isBefore(q.toExclusive())
                && (q.minScore() == null || (c.scoreThatCounts() != null && c.scoreThatCounts() >= q.minScore()))
                && (q.reviewFlag() == null || c.reviewFlags().contains(q.reviewFlag()));
    }

    static boolean matches(Caller caller, CallListQuery q, DayTotals.Tally t) {
        return inScope(caller, q, t.userId(), t.status(), t.outcome(), t.attribution(), t.team());
    }

    private static boolean inScope(Caller caller, CallListQuery q, String userId, String status, String outcome,
                                   String attribution, String team) {
        return (caller.seesWholeOrg() || caller.userId().equals(userId))
                && (q.userId() == null || q.userId().equals(userId))
                && (q.status() == null || q.status().equals(status))
                && (q.outcome() == null || q.outcome().equals(outcome))
                && (q.attribution() == null || q.attribution().equals(attribution))
                && (q.team() == null || q.team().equals(team));
    }

    /** The record query's order by start time ({@link #applies}): newest first, ties by callId; ascending reversed. */
    static Comparator<DayCall> order(CallListQuery q) {
        Comparator<DayCall> newestFirst = Comparator.comparing(DayCall::startedAt).reversed()
                .thenComparing(DayCall::callId);
        return q.descending() ? newestFirst : newestFirst.reversed();
    }

    private static List<CallSummary> slice(List<DayCall> calls, long skip, int size) {
        int from = (int) Math.min(skip, calls.size());
        return calls.subList(from, Math.min(from + size, calls.size())).stream().map(CallSummary::of).toList();
    }
}
