package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallStatus;
import com.salesai.dashboard.projection.DayBuckets;
import com.salesai.dashboard.projection.DayTotals;
import com.salesai.dashboard.projection.WireValues;
import com.salesai.schema.events.Attribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Folds per-day totals into the summary's grouped rows, the same rows aggregations over {@code call_records} would
 * produce: per (rep, status), per rep, per outcome and per week of the day. Only calls the rep recorded make rep
 * statistics (scores, outcomes, talk ratios, weeks, the previous period); a call shared with the rep is counted in
 * the totals only. A tally without attribution (read-model data written before attribution existed) was credited
 * to its receiver as its recorder, and still counts as one. The organization's criteria are folded from every rep's
 * tallies, whoever asks: a member gets them only as these averages, never per rep.
 */
final class SummaryTallies {

    static final String SHARED = WireValues.of(Attribution.SHARED);

    private SummaryTallies() {
    }

    /** @param team only calls recorded by this Fathom team, or null for every call */
    static SummaryRows rows(Caller caller, String team, List<DayTotals> current, List<DayTotals> previous) {
        List<Dated> now = visible(caller, team, current);
        List<Dated> orgEvaluated = recordedEvaluated(dated(current, t -> team == null || team.equals(t.team())));
        List<Dated> recorded = now.stream().filter(d -> isRecorder(d.tally().attribution())).toList();
        List<Dated> recordedBefore = visible(caller, team, previous).stream()
                .filter(d -> isRecorder(d.tally().attribution())).toList();
        record RepStatus(String userId, String status, boolean recorder) {
        }
        Map<RepStatus, List<Dated>> byRepStatus = now.stream().collect(Collectors.groupingBy(d ->
                new RepStatus(d.tally().userId(), d.tally().status(), isRecorder(d.tally().attribution()))));
        List<SummaryRows.RepStatusRow> repStatuses = byRepStatus.entrySet().stream()
                .map(e -> new SummaryRows.RepStatusRow(e.getKey().userId(), e.getKey().status(),
                        e.getKey().recorder(), calls(e.getValue()),
                        greatest(e.getValue(), DayTotals.Tally::repName), greatest(e.getValue(),
                                DayTotals.Tally::team)))
                .toList();
        List<Dated> evaluated = recordedEvaluated(now);
        List<SummaryRows.AverageRow> talkRatios = grouped(evaluated, d -> d.tally().userId()).entrySet().stream()
                .filter(e -> e.getValue().stream().mapToLong(d -> d.tally().talkRatios()).sum() > 0)
                .map(e -> new SummaryRows.AverageRow(e.getKey(),
                        e.getValue().stream().mapToDouble(d -> d.tally().talkRatioSum()).sum()
                                / e.getValue().stream().mapToLong(d -> d.tally().talkRatios()).sum()))
                .toList();
        List<SummaryRows.CountRow> outcomes = grouped(recorded.stream().filter(d -> d.tally().outcome() != null)
                .toList(), d -> d.tally().outcome()).entrySet().stream()
                .map(e -> new SummaryRows.CountRow(e.getKey(), calls(e.getValue()))).toList();
        List<SummaryRows.CountRow> weeks = grouped(recorded, Dated::week).entrySet().stream()
                .map(e -> new SummaryRows.CountRow(e.getKey(), calls(e.getValue()))).toList();
        List<SummaryRows.CriterionRow> criteriaByRep = grouped(evaluated, d -> d.tally().userId()).entrySet()
                .stream().flatMap(e -> criteria(e.getKey(), e.getValue()).stream()).toList();
        return new SummaryRows(repStatuses, scored(recorded, d -> d.tally().userId()), talkRatios, outcomes, weeks,
                scored(recorded, Dated::week), scored(recordedBefore, d -> d.tally().userId()), criteriaByRep,
                criteria(null, evaluated), criteria(null, orgEvaluated), teams(visible(caller, null, current)));
    }

    /** Per team (null included) over the recorder calls among {@code tallies}. */
    private static List<SummaryRows.TeamRow> teams(List<Dated> tallies) {
        Map<String, List<Dated>> byTeam = new HashMap<>();
        tallies.stream().filter(d -> isRecorder(d.tally().attribution()))
                .forEach(d -> byTeam.computeIfAbsent(d.tally().team(), t -> new ArrayList<>()).add(d));
        return byTeam.entrySet().stream().map(e -> {
            List<Dated> team = e.getValue();
            return new SummaryRows.TeamRow(e.getKey(), calls(team), calls(recordedEvaluated(team)),
                    team.stream().mapToLong(d -> d.tally().scored()).sum(),
                    team.stream().mapToLong(d -> d.tally().scoreSum()).sum(),
                    team.stream().map(d -> d.tally().userId()).distinct().count());
        }).toList();
    }

    /** The criteria of {@code tallies} (evaluated recorder calls) added up per key. */
    private static List<SummaryRows.CriterionRow> criteria(String userId, List<Dated> tallies) {
        return DayBuckets.addUpCriteria(tallies.stream().flatMap(d -> d.tally().criteria().stream())).stream()
                .map(c -> new SummaryRows.CriterionRow(userId, c.key(), c.label(), c.scored(), c.scoreSum()))
                .toList();
    }

    private static List<Dated> recordedEvaluated(List<Dated> tallies) {
        return tallies.stream().filter(d -> isRecorder(d.tally().attribution()))
                .filter(d -> CallStatus.EVALUATED.wire().equals(d.tally().status())).toList();
    }

    static boolean isRecorder(String attribution) {
        return !SHARED.equals(attribution);
    }

    /** A tally with the ISO week (UTC Monday) of its day. */
    private record Dated(String week, DayTotals.Tally tally) {
    }

    private static List<Dated> visible(Caller caller, String team, List<DayTotals> days) {
        return dated(days, t -> (caller.seesWholeOrg() || caller.userId().equals(t.userId()))
                && (team == null || team.equals(t.team())));
    }

    private static List<Dated> dated(List<DayTotals> days, Predicate<DayTotals.Tally> keep) {
        return days.stream().flatMap(day -> {
            String week = DayBuckets.mondayOf(LocalDate.parse(day.day())).toString();
            return day.tallies().stream().filter(keep).map(t -> new Dated(week, t));
        }).toList();
    }

    private static String greatest(List<Dated> tallies, Function<DayTotals.Tally, String> value) {
        return tallies.stream().map(d -> value.apply(d.tally())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
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
