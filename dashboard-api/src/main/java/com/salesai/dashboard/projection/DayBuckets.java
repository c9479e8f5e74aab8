package com.salesai.dashboard.projection;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Pure functions of the day buckets: keys, the slim copy of a record, merging copies in, and the day's tallies. */
public final class DayBuckets {

    /** The order calls are kept in a bucket: newest first, then by callId (the list's default order). */
    public static final Comparator<DayCall> NEWEST_FIRST = Comparator.comparing(DayCall::startedAt,
            Comparator.reverseOrder()).thenComparing(DayCall::callId);

    private DayBuckets() {
    }

    public static String key(String orgId, LocalDate day) {
        return orgId + "|" + day;
    }

    /** The key of a week's totals: its UTC Monday. */
    public static String weekKey(String orgId, LocalDate monday) {
        return orgId + "|week|" + monday;
    }

    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The totals covering [first, last]: every whole week inside it, and the days left over at both ends. Kept apart
     * by type, never told apart by the key's text (an org id may contain anything a key does).
     */
    public record TotalsKeys(List<String> days, List<String> weeks) {
    }

    public static TotalsKeys totalsKeys(String orgId, LocalDate first, LocalDate last) {
        List<String> days = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        LocalDate day = first;
        while (!day.isAfter(last)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY && !day.plusDays(6).isAfter(last)) {
                weeks.add(weekKey(orgId, day));
                day = day.plusDays(7);
            } else {
                days.add(key(orgId, day));
                day = day.plusDays(1);
            }
        }
        return new TotalsKeys(List.copyOf(days), List.copyOf(weeks));
    }

    /** A week's tallies: the tallies of its days added up per (userId, status, outcome, attribution, team). */
    static List<DayTotals.Tally> addUp(List<DayTotals> days) {
        return merged(days.stream().sorted(Comparator.comparing(DayTotals::day)).flatMap(d -> d.tallies().stream()));
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The bucket key of a record, or null when it has no start time yet (only its analysis or failure arrived). */
    static String keyOf(CallRecord record) {
        if (record == null || record.recorded() == null || record.recorded().startedAt() == null) {
            return null;
        }
        return key(record.orgId(), dayOf(record.recorded().startedAt()));
    }

    static DayCall slim(CallRecord r) {
        RecordedPart rec = r.recorded();
        AnalysisPart ana = r.analysis();
        return new DayCall(r.callId(), r.revision(), r.userId(), r.status(), rec.repName(), rec.title(),
                rec.startedAt(), rec.durationSeconds(), rec.externalInviteeCount(), rec.source(),
                ana == null ? null : ana.overallScore(), ana == null ? null : ana.outcome(),
                ana == null ? null : ana.repTalkRatio(), rec.attribution(), rec.team(),
                ana == null ? null : ana.skipReason(), ana == null ? List.of() : ana.reviewFlags(), r.effectiveScore(),
                r.review() != null, r.criteria());
    }

    /**
     * The bucket with each incoming copy in place of an older one of the same call (an equal or newer one stays). A
     * copy of the same revision replaces one written before copies carried criteria: both come from the same record,
     * so this only fills in what the older code left out (the start-up build does it once per database).
     */
    static List<DayCall> upsert(List<DayCall> calls, List<DayCall> incoming) {
        Map<String, DayCall> byId = new LinkedHashMap<>();
        calls.forEach(c -> byId.put(c.callId(), c));
        for (DayCall call : incoming) {
            byId.merge(call.callId(), call, (held, candidate) -> candidate.callRevision() > held.callRevision()
                    || candidate.callRevision() == held.callRevision() && held.criteria() == null
                    && candidate.criteria() != null ? candidate : held);
        }
        return sorted(byId.values());
    }

    static List<DayCall> remove(List<DayCall> calls, String callId) {
        return sorted(calls.stream().filter(c -> !c.callId().equals(callId)).toList());
    }

    private static List<DayCall> sorted(Iterable<DayCall> calls) {
        List<DayCall> list = new ArrayList<>();
        calls.forEach(list::add);
        list.sort(NEWEST_FIRST);
        return List.copyOf(list);
    }

    static List<DayTotals.Tally> tally(List<DayCall> calls) {
        return merged(calls.stream().map(DayBuckets::tallyOf));
    }

    /** A reviewed call counts with its effective score, and each criterion with its reviewed score if any. */
    private static DayTotals.Tally tallyOf(DayCall c) {
        Integer score = c.scoreThatCounts();
        boolean talk = c.repTalkRatio() != null;
        List<DayTotals.CriterionTally> criteria = c.criteria() == null ? List.of() : c.criteria().stream()
                .map(s -> new DayTotals.CriterionTally(s.key(), s.label(), 1, s.score())).toList();
        return new DayTotals.Tally(c.userId(), c.status(), c.outcome(), c.attribution(), c.team(), c.repName(), 1,
                score != null ? 1 : 0, score != null ? score : 0, talk ? 1 : 0, talk ? c.repTalkRatio() : 0,
                addUpCriteria(criteria.stream()));
    }

    /** Tallies added up per (userId, status, outcome, attribution, team), in the order each key first appears. */
    private static List<DayTotals.Tally> merged(Stream<DayTotals.Tally> tallies) {
        record Key(String userId, String status, String outcome, String attribution, String team) {
        }
        Map<Key, DayTotals.Tally> byKey = new LinkedHashMap<>();
        tallies.forEach(t -> byKey.merge(new Key(t.userId(), t.status(), t.outcome(), t.attribution(), t.team()), t,
                DayBuckets::add));
        return List.copyOf(byKey.values());
    }

    private static DayTotals.Tally add(DayTotals.Tally a, DayTotals.Tally b) {
        return new DayTotals.Tally(a.userId(), a.status(), a.outcome(), a.attribution(), a.team(),
                greater(a.repName(), b.repName()), a.calls() + b.calls(),
                a.scored() + b.scored(), a.scoreSum() + b.scoreSum(), a.talkRatios() + b.talkRatios(),
                a.talkRatioSum() + b.talkRatioSum(),
                addUpCriteria(Stream.concat(a.criteria().stream(), b.criteria().stream())));
    }

    /** Criterion tallies added up per key, ordered by key; of several labels the greatest is kept. */
    public static List<DayTotals.CriterionTally> addUpCriteria(Stream<DayTotals.CriterionTally> criteria) {
        Map<String, DayTotals.CriterionTally> byKey = new TreeMap<>();
        criteria.forEach(c -> byKey.merge(c.key(), c, (x, y) -> new DayTotals.CriterionTally(x.key(),
                greater(x.label(), y.label()), x.scored() + y.scored(), x.scoreSum() + y.scoreSum())));
        return List.copyOf(byKey.values());
    }

    /** The greater of two names, null only when both are. */
    private static String greater(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
