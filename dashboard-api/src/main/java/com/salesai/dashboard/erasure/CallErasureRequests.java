package com.salesai.dashboard.erasure;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.projection.CallRecord;
import com.salesai.platform.kafka.AckedSender;
import com.salesai.schema.events.CallErased;
import com.salesai.schema.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Turns erasure requests into {@link CallErased} events, acknowledged by Kafka before anyone is told: one call asked
 * for through the API, or every call credited to a member whose integration was deleted with {@code eraseCalls}.
 * The read model is the one place that knows which calls are credited to whom, hence the fan-out lives here.
 */
@Component
class CallErasureRequests {
    private final MongoTemplate mongo;
    private final AckedSender kafka;
    private final Clock clock = Clock.systemUTC();

    CallErasureRequests(MongoTemplate mongo, AckedSender kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** @return the erased call's id, or empty when it is not one the caller may erase (404) */
    Optional<String> erase(Caller caller, String callId) {
        Query query = Query.query(where(CallRecord.Fields.ID).is(callId));
        query.fields().include(CallRecord.Fields.ORG_ID, CallRecord.Fields.USER_ID, CallRecord.Fields.REVISION);
        CallRecord record = mongo.findOne(query, CallRecord.class);
        if (record == null || !ErasurePolicy.mayErase(caller, record.orgId(), record.userId())) {
            return Optional.empty();
        }
        kafka.send(Topics.CALLS_ERASED, callId, CallErased.of(callId, record.orgId(), caller.userId(), clock.instant()));
        return Optional.of(callId);
    }

    /**
     * Every call the read model credits to {@code userId} in {@code orgId}, erased in one acknowledged batch. Run
     * again (a redelivered request) it erases what is left, which is harmless: erasure is idempotent everywhere.
     *
     * @return how many calls were erased
     */
    int eraseAllOf(String orgId, String userId, String requestedBy) {
        Query query = Query.query(where(CallRecord.Fields.ORG_ID).is(orgId).and(CallRecord.Fields.USER_ID).is(userId));
        query.fields().include(CallRecord.Fields.ORG_ID, CallRecord.Fields.REVISION);
        List<String> callIds = mongo.find(query, CallRecord.class).stream().map(CallRecord::callId).toList();
        if (!callIds.isEmpty()) {
            var now = clock.instant();
            kafka.sendAll(callIds.stream().map(callId -> new ProducerRecord<>(
                    Topics.CALLS_ERASED, callId, CallErased.of(callId, orgId, requestedBy, now))).toList());
        }
        return callIds.size();
    }
}
