package com.salesai.dashboard.review;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallProjection;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.dashboard.projection.ReviewTombstones;
import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.Topics;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Turns a review request into a {@code CallReviewed} on {@code calls.reviewed}, acknowledged by Kafka before the
 * caller is told (a failure is {@code KafkaPublishException}: 503, nothing published); the read model applies it
 * from the topic like every other event. A call erased while its review was being published gets the review
 * tombstoned again here, since the erasure's own tombstone may have gone out first (see {@link CallProjection}).
 */
@Component
class CallReviews {

    private final MongoTemplate mongo;
    private final AckedSender kafka;
    private final CallProjection projection;
    private final ReviewTombstones tombstones;
    private final Clock clock = Clock.systemUTC();

    CallReviews(MongoTemplate mongo, AckedSender kafka, CallProjection projection, ReviewTombstones tombstones) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.projection = projection;
        this.tombstones = tombstones;
    }

    ReviewDecision review(Caller caller, String callId, ReviewRequest request) {
        Query query = Query.query(where(CallRecord.Fields.ID).is(callId));
        query.fields().exclude("recorded"); // the transcript: a review needs the scope, the status and the scores
        ReviewDecision decision = ReviewPolicy.decide(caller, mongo.findOne(query, CallRecord.class), request,
                clock.instant());
        if (decision instanceof ReviewDecision.Accepted accepted) {
            kafka.send(Topics.CALLS_REVIEWED, callId, accepted.event());
            if (projection.isErased(callId)) {
                tombstones.send(callId);
                return new ReviewDecision.Hidden();
            }
        }
        return decision;
    }
}
