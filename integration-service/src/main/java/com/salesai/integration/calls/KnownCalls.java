package com.salesai.integration.calls;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The call ids already on {@code calls.recorded} ({@code known_calls}, _id = callId), whoever published them: an
 * import or the sync of this service, or ingest (learned by {@link KnownCallsListener}). Call ids are derived from
 * the org and the recording, so one entry is one recording in one org, whichever member brought it. The import
 * skips them as duplicates and the sync counts only the others as recovered. An erased call's entry keeps its id
 * only ({@link #forget}): it stays known, so neither an import nor the sync ever publishes it again.
 */
@Component
class KnownCalls {
    static final String COLLECTION = "known_calls";

    private final MongoTemplate mongo;

    KnownCalls(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean contains(String callId) {
        return mongo.exists(query(where("_id").is(callId)), COLLECTION);
    }

    /** What this service published: who brought it and how. */
    void remember(String callId, String orgId, String source, String receivedBy, Instant at) {
        mongo.save(new Document("_id", callId).append("orgId", orgId).append("source", source)
                .append("receivedBy", receivedBy).append("at", at), COLLECTION);
    }

    /** An erased call: who brought it and how is forgotten, that it must not come back is kept. */
    void forget(String callId, Instant erasedAt) {
        mongo.save(new Document("_id", callId).append("erased", true).append("at", erasedAt), COLLECTION);
    }

    /** Seen on the topic; an entry already there (with its origin) is left as it is. */
    void rememberSeen(Collection<String> callIds, Instant at) {
        if (callIds.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String callId : callIds) {
            bulk.upsert(query(where("_id").is(callId)), new Update().setOnInsert("at", at));
        }
        bulk.execute();
    }
}
