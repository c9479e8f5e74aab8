package com.salesai.dashboard.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The calls erased from the read model ({@code erased_calls}, _id = callId): ids and dates only, nothing of the call,
 * kept so that an event of the call arriving after its erasure (a late analysis, a replay) never recreates it.
 */
@Component
class ErasedCalls {
    static final String COLLECTION = "erased_calls";

    private final MongoTemplate mongo;

    ErasedCalls(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean contains(String callId) {
        return mongo.exists(query(where("_id").is(callId)), COLLECTION);
    }

    void remember(String callId, String orgId, Instant at) {
        mongo.save(new Document("_id", callId).append("orgId", orgId).append("erasedAt", Date.from(at)), COLLECTION);
    }
}
