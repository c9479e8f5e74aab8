package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.DayBuckets;
import com.salesai.dashboard.projection.DayTotals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Folds per-day totals into the summary's grouped rows, the same rows the former aggregations over
 * {@code call_records} produced: per (rep, status), per rep, per outcome and per week of the day.
 */
final class SummaryTallies {

    private SummaryTallies() {
    }

    static SummaryRows rows(Caller caller, List<DayTotals> current, List<DayTotals> previous) {
        List<Dated> now = visible(caller, current);
        List<Dated> before = visible(caller, previous);
        record RepStatus(String userId, String status) {
        }
        Map<RepStatus, List<Dated>> byRepStatus = now.stream()
                .collect(Collectors.groupingBy(d -> new RepStatus(d.tally().userId(), d.tally().status())));
        List<SummaryRows.RepStatusRow> repStatuses = byRepStatus.entrySet().stream()
                .map(e -> new SummaryRows.RepStatusRow(e.getKey().userId(), e.getKey().status(),
                        e.getValue().stream().mapToLong(d -> d.tally().calls()).sum(),
                        e.getValue().stream().map(d -> d.tally().repName()).filter(Objects::nonNull)
                                .max(String::compareTo).orElse(null)))
                .toList();
        List<SummaryRows.AverageRow> talkRatios = grouped(now, d -> d.tally().userId()).entrySet().stream()
                .filter(e -> e.getValue().stream().mapToLong(d -> d.tally().talkRatios()).sum() > 0)
                .map(e -> new SummaryRows.AverageRow(e.getKey(),
                        e.getValue().stream().mapToDouble(d -> d.tally().talkRatioSum()).sum()
                                / e.getValue().stream().mapToLong(d -> d.tally().talkRatios()).sum()))
                .toList();
        List<SummaryRows.CountRow> outcomes = grouped(now.stream().filter(d -> d.tally().outcome() != null).toList(),
                d -> d.tally().outcome()).entrySet().stream()
                .map(e -> new SummaryRows.CountRow(e.getKey(), calls(e.getValue()))).toList();
        List<SummaryRows.CountRow> weeks = grouped(now, Dated::week).entrySet().stream()
                .map(e -> new SummaryRows.CountRow(e.getKey(), calls(e.getValue()))).toList();
        return new SummaryRows(repStatuses, scored(now, d -> d.tally().userId()), talkRatios, outcomes, weeks,
                scored(now, Dated::week), scored(before, d -> d.tally().userId()));
    }

    /** A tally with the ISO week (UTC Monday) of its day. */
    private record Dated(String week, DayTotals.Tally tally) {
    }

    private static List<Dated> visible(Caller caller, List<DayTotals> days) {
        return days.stream().flatMap(day -> {
            String week = DayBuckets.mondayOf(LocalDate.parse(day.day())).toString();
            return day.tallies().stream()
                    .filter(t -> caller.seesWholeOrg() || caller.userId().equals(t.userId()))
                    .map(t -> new Dated(week, t));
        }).toList();
    }

    /** Keys with at least one scored call, like a {@code $match} on a non-null score before grouping. */
    private static List<SummaryRows.ScoredRow> scored(List<Dated> tallies, Function<Dated, String> key) {
        return grouped(tallies, key).entrySet().stream()
                .filter(e -> e.getValue().stream().mapToLong(d -> d.tally().scored()).sum() > 0)
                .map(e -> new SummaryRows.ScoredRow(e.getKey(),
                        e.getValue().stream().mapToLong(d -> d.tally().scored()).sum(),
                        e.getValue().stream().mapToLong(d -> d.tally().scoreSum()).sum()))
                .toList();
    }

    private static Map<String, List<Dated>> grouped(List<Dated> tallies, Function<Dated, String> key) {
        return tallies.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static long calls(List<Dated> tallies) {
        return tallies.stream().mapToLong(d -> d.tally().calls()).sum();
    }
}
