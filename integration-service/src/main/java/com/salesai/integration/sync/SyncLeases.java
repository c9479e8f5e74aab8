package com.salesai.integration.sync;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Per-integration sync state in {@code sync_state} (_id = userId): the watermark, when the next run is due, and a
 * lease so that of several replicas only one syncs an integration at a time (one findAndModify; a lease whose holder
 * died expires after its TTL).
 */
@Component
class SyncLeases {
    static final String COLLECTION = "sync_state";

    private final MongoTemplate mongo;

    SyncLeases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A held lease: the watermark of the previous run (null before the first). */
    record Lease(String userId, String owner, Instant startedAt, Instant watermark) {
    }

    /** @return the lease when this integration is due and nobody holds it */
    Optional<Lease> tryTake(String userId, String owner, Instant now, Duration ttl) {
        Criteria free = new Criteria().andOperator(
                new Criteria().orOperator(where("leaseUntil").exists(false), where("leaseUntil").lt(now)),
                new Criteria().orOperator(where("nextRunAt").exists(false), where("nextRunAt").lte(now)));
        try {
            Document taken = mongo.findAndModify(query(where("_id").is(userId).andOperator(free)),
                    Update.update("leaseOwner", owner).set("leaseUntil", now.plus(ttl)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            if (taken == null) {
                return Optional.empty();
            }
            Date watermark = taken.getDate("watermark");
            return Optional.of(new Lease(userId, owner, now, watermark == null ? null : watermark.toInstant()));
        } catch (DuplicateKeyException heldOrNotDue) {
            return Optional.empty();
        }
    }

    /** Ends the lease with the run's watermark; the integration is due again at {@code nextRunAt}. */
    void release(Lease lease, Instant watermark, Instant nextRunAt) {
        Update update = new Update().unset("leaseOwner").unset("leaseUntil").set("nextRunAt", nextRunAt);
        if (watermark != null) {
            update.set("watermark", watermark);
        }
        mongo.updateFirst(query(where("_id").is(lease.userId()).and("leaseOwner").is(lease.owner())), update,
                COLLECTION);
    }
}
