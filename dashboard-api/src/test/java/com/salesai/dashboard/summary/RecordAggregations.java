package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.CallStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.salesai.dashboard.projection.CallRecord.Fields;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;

/**
 * The reference the day-bucket summary is checked against: aggregations over {@code call_records}: {@code $match} on
 * the caller's scope, the team and the startedAt range (served by the org/startedAt indexes), rep statistics on
 * recorder calls only (talk ratios on evaluated ones, scores as they count: {@code effectiveScore}), then
 * {@code $group} by (rep, status, attribution), rep, outcome or the stored {@code weekStart}. Only
 * {@code $match}/{@code $group} with {@code $sum}/{@code $max}/{@code $avg} over non-null inputs are used, which
 * mongo-java-server supports; date bucketing uses the stored week instead of date operators. Criteria are
 * {@code $unwind}-ed from the records' derived {@code criteria}; teams are grouped over the scope without the team
 * filter.
 */
class RecordAggregations {

    private final MongoTemplate mongo;

    RecordAggregations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    SummaryRows load(Caller caller, SummaryRange range, String team) {
        Criteria inRange = inRange(caller, range, team);
        Criteria recorded = and(inRange, recorder());
        Criteria previous = and(inRange(caller, range.previous(), team), recorder());
        Criteria evaluated = and(recorded, Criteria.where(Fields.STATUS).is(CallStatus.EVALUATED.wire()));
        Criteria orgEvaluated = and(and(inRange(new Caller(caller.userId(), caller.orgId(), Caller.Role.ADMIN,
                caller.name()), range, team), recorder()),
                        Criteria.where(Fields.STATUS).is(CallStatus.EVALUATED.wire()));
        return new SummaryRows(
                run(inRange, group(Fields.USER_ID, Fields.STATUS, Fields.ATTRIBUTION).count().as("calls")
                                .max(Fields.REP_NAME).as("repName").max(Fields.TEAM).as("team"),
                        d -> {
                            // a group key of a nested path is named by its last segment
                            Document id = d.get("_id", Document.class);
                            return new SummaryRows.RepStatusRow(id.getString(Fields.USER_ID),
                                    id.getString(Fields.STATUS),
                                    SummaryTallies.isRecorder(id.getString("attribution")),
                                    number(d, "calls").longValue(), d.getString("repName"), d.getString("team"));
                        }),
                scored(recorded, Fields.USER_ID),
                run(and(recorded, Criteria.where(Fields.STATUS).is(CallStatus.EVALUATED.wire())
                                .and(Fields.REP_TALK_RATIO).ne(null)),
                        group(Fields.USER_ID).avg(Fields.REP_TALK_RATIO).as("average"),
                        d -> new SummaryRows.AverageRow(d.getString("_id"), number(d, "average").doubleValue())),
                counted(and(recorded, Criteria.where(Fields.OUTCOME).ne(null)), Fields.OUTCOME),
                counted(recorded, Fields.WEEK_START),
                scored(recorded, Fields.WEEK_START),
                scored(previous, Fields.USER_ID),
                criteria(evaluated, true), criteria(evaluated, false), criteria(orgEvaluated, false),
                teams(and(inRange(caller, range, null), recorder())));
    }

    private List<SummaryRows.CriterionRow> criteria(Criteria criteria, boolean byRep) {
        GroupOperation group = (byRep ? group(Fields.USER_ID, "criteria.key") : group("criteria.key"))
                .count().as("scored").sum("criteria.score").as("scoreSum").max("criteria.label").as("label");
        Aggregation aggregation = Aggregation.newAggregation(match(criteria), unwind(Fields.CRITERIA), group);
        return mongo.aggregate(aggregation, CallRecord.COLLECTION, Document.class).getMappedResults().stream()
                .map(d -> {
                    Object id = d.get("_id");
                    String userId = byRep ? ((Document) id).getString(Fields.USER_ID) : null;
                    String key = byRep ? ((Document) id).getString("key") : (String) id;
                    return new SummaryRows.CriterionRow(userId, key, d.getString("label"),
                            number(d, "scored").longValue(), number(d, "scoreSum").doubleValue());
                })
                .sorted(Comparator.comparing(SummaryRows.CriterionRow::key)).toList();
    }

    private List<SummaryRows.TeamRow> teams(Criteria recorded) {
        Map<String, Long> calls = new HashMap<>();
        run(recorded, group(Fields.TEAM).count().as("count"), d -> d).forEach(d ->
                calls.put(d.getString("_id"), number(d, "count").longValue()));
        Map<String, Long> evaluated = new HashMap<>();
        run(and(recorded, Criteria.where(Fields.STATUS).is(CallStatus.EVALUATED.wire())),
                group(Fields.TEAM).count().as("count"), d -> d)
                .forEach(d -> evaluated.put(d.getString("_id"), number(d, "count").longValue()));
        Map<String, SummaryRows.ScoredRow> scored = new HashMap<>();
        scored(recorded, Fields.TEAM).forEach(r -> scored.put(r.key(), r));
        Map<String, Long> reps = new HashMap<>();
        run(recorded, group(Fields.TEAM, Fields.USER_ID).count().as("count"), d -> d)
                .forEach(d -> reps.merge(d.get("_id", Document.class).getString("team"), 1L, Long::sum));
        return calls.entrySet().stream().map(e -> {
            SummaryRows.ScoredRow s = scored.get(e.getKey());
            return new SummaryRows.TeamRow(e.getKey(), e.getValue(), evaluated.getOrDefault(e.getKey(), 0L),
                    s == null ? 0 : s.scored(), s == null ? 0 : s.scoreSum(), reps.get(e.getKey()));
        }).toList();
    }

    private List<SummaryRows.ScoredRow> scored(Criteria criteria, String key) {
        return run(and(criteria, Criteria.where(Fields.EFFECTIVE_SCORE).ne(null)),
                group(key).count().as("scored").sum(Fields.EFFECTIVE_SCORE).as("scoreSum"),
                d -> new SummaryRows.ScoredRow(d.getString("_id"), number(d, "scored").longValue(),
                        number(d, "scoreSum").doubleValue()));
    }

    private List<SummaryRows.CountRow> counted(Criteria criteria, String key) {
        return run(criteria, group(key).count().as("count"),
                d -> new SummaryRows.CountRow(d.getString("_id"), number(d, "count").longValue()));
    }

    private <T> List<T> run(Criteria criteria, GroupOperation group, Function<Document, T> row) {
        Aggregation aggregation = Aggregation.newAggregation(match(criteria), group);
        return mongo.aggregate(aggregation, CallRecord.COLLECTION, Document.class).getMappedResults().stream()
                .map(row).toList();
    }

    private static Criteria recorder() {
        return Criteria.where(Fields.ATTRIBUTION).ne(SummaryTallies.SHARED);
    }

    private static Criteria inRange(Caller caller, SummaryRange range, String team) {
        Criteria dated = and(caller.scope(), Criteria.where(Fields.STARTED_AT).gte(range.startInclusive())
                .lt(range.endExclusive()));
        return team == null ? dated : and(dated, Criteria.where(Fields.TEAM).is(team));
    }

    private static Criteria and(Criteria a, Criteria b) {
        return new Criteria().andOperator(a, b);
    }

    private static Number number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n : 0;
    }
}
