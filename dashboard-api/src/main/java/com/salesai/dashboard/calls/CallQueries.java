package com.salesai.dashboard.calls;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.DayBucketStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.salesai.dashboard.projection.CallRecord.Fields;

/** Reads of the read model for the calls API, always within the caller's scope. */
@Component
class CallQueries {

    /** What a list item needs ({@link CallSummaryDocuments}); transcripts are never loaded. */
    static final String[] SUMMARY_FIELDS = {Fields.USER_ID, Fields.STATUS, Fields.REP_NAME,
            Fields.TITLE, Fields.STARTED_AT, Fields.DURATION_SECONDS, Fields.EXTERNAL_INVITEE_COUNT, Fields.SOURCE,
            Fields.OVERALL_SCORE, Fields.EFFECTIVE_SCORE, Fields.OUTCOME, Fields.ATTRIBUTION, Fields.TEAM,
            Fields.SKIP_REASON, Fields.REVIEW_FLAGS, Fields.REVIEW_AT};

    private final MongoTemplate mongo;
    private final DayBucketStore days;

    CallQueries(MongoTemplate mongo, DayBucketStore days) {
        this.mongo = mongo;
        this.days = days;
    }

    /**
     * A dated window sorted by start time is read from the day buckets ({@code _id} lookups, a week at a time);
     * otherwise (score sorts, no window, text search) the records are queried: on MongoDB the org/startedAt indexes
     * serve start-time order and the org/score indexes walk a score sort only as far as the page needs.
     */
    CallPage list(Caller caller, CallListQuery q) {
        return DayListing.applies(q) ? DayListing.page(caller, q,
                keys -> days.days(caller.orgId(), keys), days::totals) : records(caller, q, DayListing.countsFromTotals(q));
    }

    /** The records path alone, count included (the reference the bucket paths are tested against). */
    CallPage listRecords(Caller caller, CallListQuery q) {
        return records(caller, q, false);
    }

    /**
     * {@code countFromTotals}: the count from the week and day totals by {@code _id} (a window of whole days); the
     * records' count is a scan of the collection on mongo-java-server.
     */
    private CallPage records(Caller caller, CallListQuery q, boolean countFromTotals) {
        Query query = Query.query(criteria(caller, q));
        long total = countFromTotals ? DayListing.total(caller, q, days::totals)
                : mongo.count(query, CallRecord.class);
        query.fields().include(SUMMARY_FIELDS);
        query.with(sort(q)).skip((long) q.page() * q.size()).limit(q.size());
        List<CallSummary> items = mongo.find(query, Document.class, CallRecord.COLLECTION).stream()
                .map(CallSummaryDocuments::of).toList();
        return CallPage.of(items, q.page(), q.size(), total);
    }

    Optional<CallDetail> detail(Caller caller, String callId) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where(Fields.ID).is(callId), caller.scope()));
        return Optional.ofNullable(mongo.findOne(query, CallRecord.class)).map(CallDetail::of);
    }

    static Criteria criteria(Caller caller, CallListQuery q) {
        List<Criteria> all = new ArrayList<>();
        all.add(caller.scope());
        if (q.status() != null) {
            all.add(Criteria.where(Fields.STATUS).is(q.status()));
        }
        if (q.userId() != null) {
            all.add(Criteria.where(Fields.USER_ID).is(q.userId()));
        }
        if (q.outcome() != null) {
            all.add(Criteria.where(Fields.OUTCOME).is(q.outcome()));
        }
        if (q.from() != null || q.toExclusive() != null) {
            Criteria started = Criteria.where(Fields.STARTED_AT);
            if (q.from() != null) {
                started = started.gte(q.from());
            }
            if (q.toExclusive() != null) {
                started = started.lt(q.toExclusive());
            }
            all.add(started);
        }
        if (q.minScore() != null) {
            all.add(Criteria.where(Fields.EFFECTIVE_SCORE).gte(q.minScore()));
        }
        if (q.attribution() != null) {
            all.add(Criteria.where(Fields.ATTRIBUTION).is(q.attribution()));
        }
        if (q.team() != null) {
            all.add(Criteria.where(Fields.TEAM).is(q.team()));
        }
        if (q.reviewFlag() != null) {
            // equality on an array field matches documents whose array contains the value
            all.add(Criteria.where(Fields.REVIEW_FLAGS).is(q.reviewFlag()));
        }
        if (q.q() != null) {
            // User text is matched literally: every regex metacharacter is escaped.
            Pattern contains = Pattern.compile(escapeRegex(q.q()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where(Fields.TITLE).regex(contains),
                    Criteria.where(Fields.PARTICIPANT_NAME).regex(contains),
                    Criteria.where(Fields.PARTICIPANT_EMAIL).regex(contains)));
        }
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    static String escapeRegex(String text) {
        StringBuilder escaped = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static Sort sort(CallListQuery q) {
        Sort.Direction direction = q.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        String field = switch (q.sortField()) {
            case OVERALL_SCORE -> Fields.OVERALL_SCORE;
            case EFFECTIVE_SCORE -> Fields.EFFECTIVE_SCORE;
            case STARTED_AT -> Fields.STARTED_AT;
        };
        // Tie-breakers keep pages stable: newest first, then callId; an ascending order is the descending one
        // reversed, so both walk the same index of CallRecordIndexes instead of sorting in memory.
        Sort order = Sort.by(direction, field);
        if (q.sortField() != CallListQuery.SortField.STARTED_AT) {
            order = order.and(Sort.by(direction, Fields.STARTED_AT));
        }
        return order.and(Sort.by(q.descending() ? Sort.Direction.ASC : Sort.Direction.DESC, Fields.ID));
    }
}
