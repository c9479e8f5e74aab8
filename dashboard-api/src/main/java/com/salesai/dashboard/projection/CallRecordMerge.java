package com.salesai.dashboard.projection;

import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.Person;

import java.time.Instant;

/**
 * The read model's merge decision, a pure function of (current record or null, event) → new record.
 * <p>Each event only replaces its own part, and only when it is newer than the part already held (ties keep the
 * current part, so a redelivery changes nothing). The status is derived from the parts, never from arrival order:
 * an analysis → {@code skipped} when it carries a skip reason and no evaluation, else {@code evaluated}; else any
 * failure → {@code failed}; else {@code pending}. Hence a late {@code CallRecorded} never turns a call back to
 * pending, {@code CallAnalyzed} wins over {@code CallAnalysisFailed} in either order, and every arrival order of the
 * same events ends in the same record. A review is kept whatever arrives around it (a review replayed before the
 * analysis it reviews is not lost), and the effective score is derived from the analysis and the review together.
 */
public final class CallRecordMerge {

    private CallRecordMerge() {
    }

    public static CallRecord apply(CallRecord current, Object event) {
        if (event instanceof CallRecorded recorded) {
            return withParts(current, recorded.callId(),
                    newer(current == null ? null : current.recorded(), recordedPart(recorded)), null, null, null);
        }
        if (event instanceof CallAnalyzed analyzed) {
            return withParts(current, analyzed.callId(), null,
                    newer(current == null ? null : current.analysis(), analysisPart(analyzed)), null, null);
        }
        if (event instanceof CallAnalysisFailed failed) {
            return withParts(current, failed.callId(), null, null,
                    newer(current == null ? null : current.failure(), failurePart(failed)), null);
        }
        if (event instanceof CallReviewed reviewed) {
            return withParts(current, reviewed.callId(), null, null, null,
                    newer(current == null ? null : current.review(), reviewPart(reviewed)));
        }
        throw new IllegalArgumentException("not a call event: " + event.getClass().getName());
    }

    private static CallRecord withParts(CallRecord current, String callId, RecordedPart recorded,
                                        AnalysisPart analysis, FailurePart failure, ReviewPart review) {
        RecordedPart r = recorded != null ? recorded : current == null ? null : current.recorded();
        AnalysisPart a = analysis != null ? analysis : current == null ? null : current.analysis();
        FailurePart f = failure != null ? failure : current == null ? null : current.failure();
        ReviewPart v = review != null ? review : current == null ? null : current.review();
        // The recorded part is authoritative for scope (its orgId comes from the integration view); a review alone
        // knows the organization, not the rep.
        String orgId = r != null ? r.orgId() : a != null ? a.orgId() : f != null ? f.orgId() : v.orgId();
        String userId = r != null ? r.userId() : a != null ? a.userId() : f != null ? f.userId() : null;
        CallStatus status = a != null ? (a.skipped() ? CallStatus.SKIPPED : CallStatus.EVALUATED)
                : f != null ? CallStatus.FAILED : CallStatus.PENDING;
        long revision = current == null ? 0 : current.revision();
        return new CallRecord(callId, revision, orgId, userId, status.wire(), EffectiveScore.of(a, v),
                EffectiveScore.criteria(a, v), r, a, f, v);
    }

    private static RecordedPart newer(RecordedPart current, RecordedPart candidate) {
        return current == null || isAfter(candidate.occurredAt(), current.occurredAt()) ? candidate : current;
    }

    private static AnalysisPart newer(AnalysisPart current, AnalysisPart candidate) {
        return current == null || isAfter(candidate.analyzedAt(), current.analyzedAt()) ? candidate : current;
    }

    private static FailurePart newer(FailurePart current, FailurePart candidate) {
        return current == null || isAfter(candidate.failedAt(), current.failedAt()) ? candidate : current;
    }

    private static ReviewPart newer(ReviewPart current, ReviewPart candidate) {
        return current == null || isAfter(candidate.at(), current.at()) ? candidate : current;
    }

    private static boolean isAfter(Instant candidate, Instant current) {
        return candidate != null && (current == null || candidate.isAfter(current));
    }

    static RecordedPart recordedPart(CallRecorded e) {
        Instant startedAt = e.startedAt();
        String weekStart = startedAt == null ? null : DayBuckets.mondayOf(DayBuckets.dayOf(startedAt)).toString();
        Person recorder = e.recordedBy();
        // A v1 event has no attribution: it was credited to the member who received it, as a recorder.
        Attribution attribution = e.attribution() == null ? Attribution.RECORDER : e.attribution();
        return new RecordedPart(e.occurredAt(), e.orgId(), e.userId(),
                recorder == null ? null : recorder.name(), recorder == null ? null : recorder.email(),
                e.title(), startedAt, weekStart, e.durationSeconds(), WireValues.of(e.source()),
                e.externalInviteeCount(), e.shareUrl(), e.language(), e.participants(), e.transcript(),
                e.summaryMarkdown(), e.actionItems(), recorder == null ? null : blankToNull(recorder.team()),
                WireValues.of(attribution), e.receivedBy(), e.url(), e.meetingType(),
                WireValues.of(e.calendarInviteesDomainsType()), e.highlights(), e.receivedAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static AnalysisPart analysisPart(CallAnalyzed e) {
        Instant analyzedAt = e.analyzedAt() != null ? e.analyzedAt() : e.occurredAt();
        var evaluation = e.evaluation();
        return new AnalysisPart(analyzedAt, e.orgId(), e.userId(), WireValues.of(e.mode()), e.model(),
                e.promptVersion(),
                evaluation == null ? null : evaluation.overallScore(),
                evaluation == null ? null : WireValues.of(evaluation.outcome()),
                e.metrics() == null || !e.metrics().available() ? null : e.metrics().repTalkRatio(),
                e.metrics(), evaluation, WireValues.of(e.skipReason()), e.reviewFlags(), e.transcriptTruncated());
    }

    static ReviewPart reviewPart(CallReviewed e) {
        Instant at = e.at() != null ? e.at() : e.occurredAt();
        return new ReviewPart(at, e.orgId(), e.reviewedBy(), e.scores(), e.note());
    }

    static FailurePart failurePart(CallAnalysisFailed e) {
        Instant failedAt = e.failedAt() != null ? e.failedAt() : e.occurredAt();
        return new FailurePart(failedAt, e.orgId(), e.userId(), e.reason(), e.attempts());
    }
}
