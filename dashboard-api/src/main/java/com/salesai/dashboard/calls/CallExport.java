package com.salesai.dashboard.calls;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.EffectiveScore;
import com.salesai.schema.events.Evaluation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static com.salesai.dashboard.projection.CallRecord.Fields;

/**
 * The filtered list as CSV: the calls {@code GET /api/calls} would list, in its order, unpaged, each a row of its
 * list item's fields followed by one {@code score_<criterion>} column (the AI's score) per criterion any exported call
 * was scored on.
 * The count comes first (a filter over {@code app.export.max-rows} is refused), then one pass collects the criteria
 * for the header, then the rows are streamed from a cursor; transcripts and evidence are never read.
 */
@Component
class CallExport {

    static final List<String> COLUMNS = List.of("callId", "startedAt", "repName", "userId", "team", "title",
            "durationSeconds", "status", "overallScore", "effectiveScore", "outcome", "externalInviteeCount", "source",
            "attribution", "skipReason", "reviewFlags", "reviewed");
    static final String SCORE_COLUMN_PREFIX = "score_";

    private static final String CRITERION = "analysis.evaluation.scores.criterion";
    /**
     * A criterion's key and score, and the primitives the evaluation's records require to be instantiated: never
     * the evidence quotes, summaries or coaching.
     */
    private static final String[] SCORE_FIELDS = {CRITERION, "analysis.evaluation.scores.score",
            "analysis.evaluation.scores.weight", "analysis.evaluation.scores.supported",
            "analysis.evaluation.overallScore", "analysis.evaluation.quotesVerified",
            "analysis.evaluation.quotesTotal"};

    private final MongoTemplate mongo;
    private final int maxRows;

    CallExport(MongoTemplate mongo, ExportProperties properties) {
        this.mongo = mongo;
        this.maxRows = properties.maxRows();
    }

    /** What a file will hold, known before its first byte is sent. */
    record Plan(Caller caller, CallListQuery query, long rows, List<String> criteria) {
    }

    /** @throws ErrorResponseException 400 when the filters match more than {@code app.export.max-rows} calls */
    Plan plan(Caller caller, CallListQuery q) {
        long rows = mongo.count(Query.query(CallQueries.criteria(caller, q)), CallRecord.class);
        if (rows > maxRows) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The filters match "
                    + rows + " calls; an export holds at most " + maxRows + ". Narrow the filters (a shorter period, "
                    + "a team, a rep or a status) and export again.");
            problem.setTitle("Too many calls to export");
            problem.setType(URI.create("urn:problem:export-too-large"));
            problem.setProperty("matchingCalls", rows);
            problem.setProperty("maxRows", maxRows);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return new Plan(caller, q, rows, criteria(caller, q));
    }

    /**
     * The criteria of the matching calls, in the newest call's scorecard order followed by those only older calls
     * were scored on: the same columns whatever the list's sort.
     */
    private List<String> criteria(Caller caller, CallListQuery q) {
        Query query = Query.query(CallQueries.criteria(caller, q).and(CRITERION).exists(true))
                .with(Sort.by(Sort.Direction.DESC, Fields.STARTED_AT).and(Sort.by(Sort.Direction.ASC, Fields.ID)));
        query.fields().include(Fields.REVISION).include(SCORE_FIELDS);
        Set<String> keys = new LinkedHashSet<>();
        try (Stream<CallRecord> records = mongo.stream(query, CallRecord.class)) {
            records.forEach(r -> scores(r).forEach(s -> keys.add(EffectiveScore.criterionKey(s))));
        }
        return List.copyOf(keys);
    }

    void write(Plan plan, Writer out) throws IOException {
        out.write(Csv.BOM);
        List<String> header = new ArrayList<>(COLUMNS.size() + plan.criteria().size());
        COLUMNS.forEach(column -> header.add(Csv.text(column)));
        plan.criteria().forEach(key -> header.add(Csv.text(SCORE_COLUMN_PREFIX + key)));
        out.write(Csv.row(header));
        Query query = Query.query(CallQueries.criteria(plan.caller(), plan.query())).with(CallQueries.sort(plan.query()));
        query.fields().include(CallQueries.SUMMARY_FIELDS).include(Fields.REVISION)
                .include(SCORE_FIELDS);
        try (Stream<CallRecord> records = mongo.stream(query, CallRecord.class)) {
            for (CallRecord record : (Iterable<CallRecord>) records::iterator) {
                out.write(Csv.row(cells(record, plan.criteria())));
            }
        }
        out.flush();
    }

    private static List<String> cells(CallRecord record, List<String> criteria) {
        CallSummary call = CallSummary.of(record);
        List<String> cells = new ArrayList<>(COLUMNS.size() + criteria.size());
        cells.add(Csv.text(call.callId()));
        cells.add(Csv.text(Objects.toString(call.startedAt(), null)));
        cells.add(Csv.text(call.repName()));
        cells.add(Csv.text(call.userId()));
        cells.add(Csv.text(call.team()));
        cells.add(Csv.text(call.title()));
        cells.add(Csv.number(call.durationSeconds()));
        cells.add(Csv.text(call.status()));
        cells.add(Csv.number(call.overallScore()));
        cells.add(Csv.number(call.effectiveScore()));
        cells.add(Csv.text(call.outcome()));
        cells.add(Csv.number(call.externalInviteeCount()));
        cells.add(Csv.text(call.source()));
        cells.add(Csv.text(call.attribution()));
        cells.add(Csv.text(call.skipReason()));
        cells.add(Csv.text(String.join(" ", call.reviewFlags())));
        cells.add(Csv.text(Boolean.toString(call.reviewed())));
        Map<String, Integer> scores = new HashMap<>();
        scores(record).forEach(s -> scores.put(EffectiveScore.criterionKey(s), s.score()));
        criteria.forEach(key -> cells.add(Csv.number(scores.get(key))));
        return cells;
    }

    private static List<Evaluation.CriterionScore> scores(CallRecord record) {
        var analysis = record.analysis();
        return analysis == null || analysis.evaluation() == null ? List.of() : analysis.evaluation().scores();
    }
}
