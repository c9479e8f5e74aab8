package com.salesai.ingest.dedup;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.salesai.ingest.config.IngestProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Claims in {@code fathom_ingest}, each collection keyed by {@code _id}: {@code webhook_deliveries} by
 * {@code userId + NUL + webhookId}, {@code call_claims} by {@code orgId + NUL + callId} and
 * {@code quarantined_webhooks} by {@code userId + NUL + webhookId}, all forgotten after the dedup TTL (TTL index on
 * {@code createdAt}, created at start-up). Keying by {@code _id} makes its unique index the claim's uniqueness and
 * every hot read and update an {@code _id} lookup, on MongoDB and on mongo-java-server alike (the stand-in uses an
 * index only for an equality filter on exactly its keys). The conditional take-over and release add owner and state
 * to the filter, so the stand-in scans for those; they only run for stale claims and failed publishes.
 *
 * <p>An erased call's claim ({@link #markErased}) has no {@code createdAt}, so the TTL index never removes it: the
 * mark outlives the dedup window for as long as the database lives, and {@code calls.erased} (compacted, never
 * tombstoned) restores it if the database is rebuilt. It holds the ids only, nothing of the call.
 *
 * <p>Call claims made before call ids were per organization are keyed by the bare (per-user) call id: nothing looks
 * them up any more and the TTL removes them. Nothing had shipped, so no delivery depends on them.
 */
@Repository
class MongoClaimRepository implements ClaimRepository {
    static final String WEBHOOKS = "webhook_deliveries";
    static final String CALLS = "call_claims";
    static final String QUARANTINED = "quarantined_webhooks";

    private final MongoCollection<Document> webhooks;
    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> quarantined;

    MongoClaimRepository(MongoTemplate mongo, IngestProperties properties) {
        this.webhooks = mongo.getCollection(WEBHOOKS);
        this.calls = mongo.getCollection(CALLS);
        this.quarantined = mongo.getCollection(QUARANTINED);
        createIndexes(properties.dedupTtl());
    }

    private void createIndexes(Duration ttl) {
        // Uniqueness lived in these before claims were keyed by _id; left in place they would reject new claims that
        // an _id lookup can't find, so they go.
        dropIndex(webhooks, "userId_webhookId_unique");
        dropIndex(calls, "callId_unique");
        IndexOptions expiry = new IndexOptions().expireAfter(ttl.toSeconds(), TimeUnit.SECONDS).name("createdAt_ttl");
        webhooks.createIndex(Indexes.ascending("createdAt"), expiry);
        calls.createIndex(Indexes.ascending("createdAt"), expiry);
        quarantined.createIndex(Indexes.ascending("createdAt"), expiry);
    }

    private static void dropIndex(MongoCollection<Document> collection, String name) {
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                collection.dropIndex(name);
                return;
            }
        }
    }

    @Override
    public Optional<Claim> insertPending(ClaimKey key, String owner, List<String> callIds, Instant now) {
        Document claim = keyDocument(key)
                .append("state", stateName(Claim.State.PENDING))
                .append("owner", owner)
                .append("claimedAt", Date.from(now))
                .append("createdAt", Date.from(now))
                .append("callIds", callIds);
        // Insert, or read what holds the key; if that vanished meanwhile (released), try to insert again.
        while (true) {
            try {
                collection(key).insertOne(claim);
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = collection(key).find(filter(key)).first();
            if (existing != null) {
                return Optional.of(toClaim(key, existing));
            }
        }
    }

    @Override
    public boolean takeOver(ClaimKey key, String expectedOwner, String newOwner, Instant now) {
        Bson stillHeld = Filters.and(filter(key), Filters.eq("owner", expectedOwner),
                Filters.eq("state", stateName(Claim.State.PENDING)));
        return collection(key).updateOne(stillHeld,
                Updates.combine(Updates.set("owner", newOwner), Updates.set("claimedAt", Date.from(now))))
                .getModifiedCount() == 1;
    }

    @Override
    public void markPublished(ClaimKey key, List<String> callIds) {
        Bson notErased = Filters.and(filter(key), Filters.ne("state", stateName(Claim.State.ERASED)));
        collection(key).updateOne(notErased, Updates.combine(
                Updates.set("state", stateName(Claim.State.PUBLISHED)), Updates.set("callIds", callIds)));
    }

    @Override
    public void markErased(ClaimKey key, Instant at) {
        Document erased = keyDocument(key).append("state", stateName(Claim.State.ERASED)).append("owner", "erasure")
                .append("claimedAt", Date.from(at)).append("callIds", List.of(key.id()));
        collection(key).replaceOne(filter(key), erased, new ReplaceOptions().upsert(true));
    }

    @Override
    public void release(ClaimKey key, String owner) {
        collection(key).deleteOne(Filters.and(filter(key), Filters.eq("owner", owner),
                Filters.eq("state", stateName(Claim.State.PENDING))));
    }

    private MongoCollection<Document> collection(ClaimKey key) {
        return switch (key.kind()) {
            case WEBHOOK -> webhooks;
            case CALL -> calls;
            case QUARANTINE -> quarantined;
        };
    }

    /** The _id and, for whoever reads the collection, the fields it is made of. */
    private static Document keyDocument(ClaimKey key) {
        Document document = new Document("_id", id(key));
        return switch (key.kind()) {
            case WEBHOOK, QUARANTINE -> document.append("userId", key.scope()).append("webhookId", key.id());
            case CALL -> document.append("orgId", key.scope()).append("callId", key.id());
        };
    }

    /** NUL never occurs in a user id, an org id or a header value, so no two keys of a collection share an _id. */
    private static String id(ClaimKey key) {
        return key.scope() + '\u0000' + key.id();
    }

    private static Bson filter(ClaimKey key) {
        return Filters.eq("_id", id(key));
    }

    private static Claim toClaim(ClaimKey key, Document document) {
        return new Claim(key,
                Claim.State.valueOf(document.getString("state").toUpperCase(Locale.ROOT)),
                document.getString("owner"),
                document.getDate("claimedAt").toInstant(),
                document.getList("callIds", String.class));
    }

    private static String stateName(Claim.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
