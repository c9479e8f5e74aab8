package com.salesai.dashboard.projection;

import org.bson.Document;

import java.util.List;

/**
 * Maps a {@code call_day_totals} or {@code call_week_totals} document straight to {@link DayTotals}, without the
 * reflective entity mapping, which was most of a summary's CPU. As Spring Data read them: a missing text or list is
 * null (a tally's missing criteria empty), numbers of any BSON width are accepted, and a document that lacks a number
 * fails to read (it was never written so: totals are always written whole).
 */
final class DayTotalsDocuments {

    private DayTotalsDocuments() {
    }

    static DayTotals of(Document doc) {
        List<Document> tallies = doc.getList("tallies", Document.class);
        return new DayTotals(doc.getString("_id"), whole(doc, "revision"), doc.getString("orgId"),
                doc.getString("day"), tallies == null ? null : tallies.stream().map(DayTotalsDocuments::tally).toList());
    }

    private static DayTotals.Tally tally(Document doc) {
        List<Document> criteria = doc.getList("criteria", Document.class);
        return new DayTotals.Tally(doc.getString("userId"), doc.getString("status"), doc.getString("outcome"),
                doc.getString("attribution"), doc.getString("team"), doc.getString("repName"),
                whole(doc, "calls"), whole(doc, "scored"), whole(doc, "scoreSum"), whole(doc, "talkRatios"),
                decimal(doc, "talkRatioSum"),
                criteria == null ? null : criteria.stream().map(DayTotalsDocuments::criterion).toList());
    }

    private static DayTotals.CriterionTally criterion(Document doc) {
        return new DayTotals.CriterionTally(doc.getString("key"), doc.getString("label"), whole(doc, "scored"),
                whole(doc, "scoreSum"));
    }

    private static long whole(Document doc, String key) {
        return number(doc, key).longValue();
    }

    private static double decimal(Document doc, String key) {
        return number(doc, key).doubleValue();
    }

    private static Number number(Document doc, String key) {
        Number value = doc.get(key, Number.class);
        if (value == null) {
            throw new IllegalStateException("a totals document without its number '" + key + "'");
        }
        return value;
    }
}
