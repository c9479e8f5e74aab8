package com.salesai.dashboard.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One call in the read model. Each event fills its own part: {@code CallRecorded} the recorded part,
 * {@code CallAnalyzed} the analysis part, {@code CallAnalysisFailed} the failure part, {@code CallReviewed} the review
 * part, in whatever order they arrive; {@code orgId}, {@code userId}, {@code status}, {@code effectiveScore} (the
 * overall score that counts: the reviewed one, else the AI's, see {@link EffectiveScore}) and {@code criteria} (each
 * criterion's score that counts; null on records written before it existed, see {@link CriteriaBackfill}) are
 * derived from the parts so scope queries, filters, sorts, indexes and the day copies stay on flat top-level fields.
 * {@code revision} guards the conditional replace against concurrent writers (mongo-java-server has no transactions).
 * Enum-like values hold their wire spelling ({@code evaluated}, {@code won}, {@code webhook}, {@code shared}).
 */
@Document(CallRecord.COLLECTION)
public record CallRecord(
        @Id String callId,
        long revision,
        String orgId,
        String userId,
        String status,
        Integer effectiveScore,
        List<CriterionScore> criteria,
        RecordedPart recorded,
        AnalysisPart analysis,
        FailurePart failure,
        ReviewPart review) {

    public static final String COLLECTION = "call_records";

    /** Field paths used by queries, indexes and aggregations. */
    public static final class Fields {
        public static final String ID = "_id";
        public static final String REVISION = "revision";
        public static final String ORG_ID = "orgId";
        public static final String USER_ID = "userId";
        public static final String STATUS = "status";
        public static final String REP_NAME = "recorded.repName";
        public static final String TITLE = "recorded.title";
        public static final String STARTED_AT = "recorded.startedAt";
        public static final String WEEK_START = "recorded.weekStart";
        public static final String DURATION_SECONDS = "recorded.durationSeconds";
        public static final String SOURCE = "recorded.source";
        public static final String EXTERNAL_INVITEE_COUNT = "recorded.externalInviteeCount";
        public static final String PARTICIPANT_NAME = "recorded.participants.name";
        public static final String PARTICIPANT_EMAIL = "recorded.participants.email";
        public static final String ATTRIBUTION = "recorded.attribution";
        public static final String TEAM = "recorded.team";
        public static final String OVERALL_SCORE = "analysis.overallScore";
        public static final String EFFECTIVE_SCORE = "effectiveScore";
        public static final String REVIEW_AT = "review.at";
        public static final String REVIEWED_BY = "review.reviewedBy";
        public static final String REVIEW_NOTE = "review.note";
        public static final String CRITERIA = "criteria";
        public static final String EVALUATION = "analysis.evaluation";
        public static final String REVIEW = "review";
        public static final String OUTCOME = "analysis.outcome";
        public static final String REP_TALK_RATIO = "analysis.repTalkRatio";
        public static final String SKIP_REASON = "analysis.skipReason";
        public static final String REVIEW_FLAGS = "analysis.reviewFlags";
        public static final String FAILURE_REASON = "failure.reason";

        private Fields() {
        }
    }

    CallRecord withRevision(long newRevision) {
        return new CallRecord(callId, newRevision, orgId, userId, status, effectiveScore, criteria, recorded, analysis,
                failure, review);
    }
}
