package com.salesai.dashboard.summary;

import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.projection.DayBuckets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns grouped aggregation rows into the summary (light post-processing of per-rep/week rows, no calls). */
final class SummaryAssembler {

    private SummaryAssembler() {
    }

    static DashboardSummary assemble(SummaryRange range, SummaryRows rows, DashboardSummary.LastReview lastReview) {
        Map<String, SummaryRows.ScoredRow> scored = byKey(rows.scoredByRep());
        Map<String, SummaryRows.ScoredRow> previous = byKey(rows.previousScoredByRep());
        Map<String, List<SummaryRows.CriterionRow>> criteriaByRep = rows.criteriaByRep().stream()
                .collect(Collectors.groupingBy(SummaryRows.CriterionRow::userId));
        Map<String, Double> talkRatios = rows.talkRatioByRep().stream().filter(r -> r.key() != null)
                .collect(Collectors.toMap(SummaryRows.AverageRow::key, SummaryRows.AverageRow::average));

        Map<String, long[]> callsByRep = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> teams = new LinkedHashMap<>();
        long total = 0;
        long evaluated = 0;
        long skipped = 0;
        for (SummaryRows.RepStatusRow row : rows.repStatuses()) {
            total += row.calls();
            if (CallStatus.EVALUATED.wire().equals(row.status())) {
                evaluated += row.calls();
            } else if (CallStatus.SKIPPED.wire().equals(row.status())) {
                skipped += row.calls();
            }
            if (!row.recorder()) {
                continue;
            }
            callsByRep.computeIfAbsent(row.userId(), k -> new long[1])[0] += row.calls();
            if (row.repName() != null) {
                names.merge(row.userId(), row.repName(), SummaryAssembler::greater);
            }
            if (row.team() != null) {
                teams.merge(row.userId(), row.team(), SummaryAssembler::greater);
            }
        }

        List<DashboardSummary.RepRow> reps = new ArrayList<>();
        callsByRep.forEach((userId, calls) -> {
            SummaryRows.ScoredRow now = scored.get(userId);
            Double average = average(now);
            Double before = average(previous.get(userId));
            reps.add(new DashboardSummary.RepRow(userId, names.get(userId), teams.get(userId), calls[0], average,
                    talkRatios.get(userId),
                    average == null || before == null ? null : average - before,
                    weakest(criteriaByRep.getOrDefault(userId, List.of()))));
        });
        reps.sort(Comparator.comparing(DashboardSummary.RepRow::calls).reversed()
                .thenComparing(DashboardSummary.RepRow::userId));

        long scoredCalls = rows.scoredByRep().stream().mapToLong(SummaryRows.ScoredRow::scored).sum();
        double scoreSum = rows.scoredByRep().stream().mapToDouble(SummaryRows.ScoredRow::scoreSum).sum();

        Map<String, Long> outcomes = new TreeMap<>();
        rows.outcomes().stream().filter(r -> r.key() != null).forEach(r -> outcomes.put(r.key(), r.count()));

        return new DashboardSummary(range.from(), range.to(), total, evaluated, skipped,
                scoredCalls == 0 ? null : scoreSum / scoredCalls, outcomes, reps,
                weekly(range, rows.callsByWeek(), byKey(rows.scoredByWeek())), teams(rows.teams()),
                criteria(rows.criteria(), rows.orgCriteria()), lastReview);
    }

    /** The lowest average, ties broken by the smaller key; null when nothing was scored. */
    static DashboardSummary.WeakestCriterion weakest(List<SummaryRows.CriterionRow> criteria) {
        return criteria.stream().filter(c -> c.scored() > 0)
                .map(c -> new DashboardSummary.WeakestCriterion(c.key(), c.label(), c.scoreSum() / c.scored()))
                .min(Comparator.comparingDouble(DashboardSummary.WeakestCriterion::averageScore)
                        .thenComparing(DashboardSummary.WeakestCriterion::key))
                .orElse(null);
    }

    private static List<DashboardSummary.TeamRow> teams(List<SummaryRows.TeamRow> teams) {
        return teams.stream().sorted(Comparator.comparing(SummaryRows.TeamRow::team,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(t -> new DashboardSummary.TeamRow(t.team(), t.calls(), t.evaluatedCalls(),
                        t.scored() == 0 ? null : t.scoreSum() / t.scored(), t.reps()))
                .toList();
    }

    /**
     * Every criterion the organization scored (the caller's are among them), by key, with both averages; the label is
     * the organization's (the greatest given), which the caller's calls share.
     */
    private static List<DashboardSummary.CriterionRow> criteria(List<SummaryRows.CriterionRow> mine,
                                                                List<SummaryRows.CriterionRow> org) {
        Map<String, SummaryRows.CriterionRow> own = mine.stream()
                .collect(Collectors.toMap(SummaryRows.CriterionRow::key, Function.identity()));
        return org.stream().sorted(Comparator.comparing(SummaryRows.CriterionRow::key)).map(o -> {
            SummaryRows.CriterionRow m = own.get(o.key());
            return new DashboardSummary.CriterionRow(o.key(), o.label(), m == null ? null : average(m), average(o));
        }).toList();
    }

    private static Double average(SummaryRows.CriterionRow row) {
        return row.scored() == 0 ? null : row.scoreSum() / row.scored();
    }

    private static List<DashboardSummary.WeekRow> weekly(SummaryRange range, List<SummaryRows.CountRow> weeks,
                                                         Map<String, SummaryRows.ScoredRow> scoredByWeek) {
        Map<String, Long> calls = weeks.stream().filter(r -> r.key() != null)
                .collect(Collectors.toMap(SummaryRows.CountRow::key, SummaryRows.CountRow::count));
        List<DashboardSummary.WeekRow> series = new ArrayList<>();
        LocalDate last = DayBuckets.mondayOf(range.to());
        for (LocalDate week = DayBuckets.mondayOf(range.from());
             !week.isAfter(last); week = week.plusWeeks(1)) {
            String key = week.toString();
            series.add(new DashboardSummary.WeekRow(week, calls.getOrDefault(key, 0L),
                    average(scoredByWeek.get(key))));
        }
        return series;
    }

    private static String greater(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Double average(SummaryRows.ScoredRow row) {
        return row == null || row.scored() == 0 ? null : row.scoreSum() / row.scored();
    }

    private static Map<String, SummaryRows.ScoredRow> byKey(List<SummaryRows.ScoredRow> rows) {
        return rows.stream().filter(r -> r.key() != null)
                .collect(Collectors.toMap(SummaryRows.ScoredRow::key, Function.identity()));
    }
}
