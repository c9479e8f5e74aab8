package com.salesai.dashboard.calls;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Maps a projected {@code call_records} document ({@link CallQueries#SUMMARY_FIELDS}) straight to a list item,
 * without the reflective entity mapping: a list page reads only these fields and builds no {@code CallRecord}.
 * Same values as {@link CallSummary#of(com.salesai.dashboard.projection.CallRecord)}.
 */
final class CallSummaryDocuments {

    private CallSummaryDocuments() {
    }

    static CallSummary of(Document doc) {
        Document rec = doc.get("recorded", Document.class);
        Document ana = doc.get("analysis", Document.class);
        List<String> flags = ana == null ? null : ana.getList("reviewFlags", String.class);
        return new CallSummary(doc.getString("_id"), doc.getString("userId"),
                rec == null ? null : rec.getString("repName"), rec == null ? null : rec.getString("title"),
                rec == null ? null : instant(rec.getDate("startedAt")),
                rec == null ? null : rec.getInteger("durationSeconds"),
                doc.getString("status"), ana == null ? null : ana.getInteger("overallScore"),
                doc.getInteger("effectiveScore"), ana == null ? null : ana.getString("outcome"),
                rec == null ? null : rec.getInteger("externalInviteeCount", 0),
                rec == null ? null : rec.getString("source"), rec == null ? null : rec.getString("attribution"),
                rec == null ? null : rec.getString("team"), ana == null ? null : ana.getString("skipReason"),
                flags == null ? List.of() : List.copyOf(flags), doc.get("review") != null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
