package com.salesai.platform.erasure;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The calls erased in a service's database ({@code erased_calls}, _id = callId): ids and dates only, nothing of the
 * call, kept so that an event of the call arriving after its erasure (read before its tombstone, a late analysis, a
 * replay from a DLT) is never processed or stored again.
 */
public class ErasedCalls {
    public static final String COLLECTION = "erased_calls";

    private final MongoTemplate mongo;

    public ErasedCalls(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean contains(String callId) {
        return mongo.exists(query(where("_id").is(callId)), COLLECTION);
    }

    public void remember(String callId, String orgId, Instant at) {
        mongo.save(new Document("_id", callId).append("orgId", orgId).append("erasedAt", Date.from(at)), COLLECTION);
    }
}
