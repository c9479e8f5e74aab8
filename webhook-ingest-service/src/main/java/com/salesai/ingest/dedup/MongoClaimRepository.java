package com.salesai.ingest.dedup;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.salesai.ingest.config.IngestProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Claims in {@code fathom_ingest}, each collection keyed by {@code _id}: {@code call_claims} holds a delivery's
 * claims, its webhook id's by {@code "webhook" + NUL + userId + NUL + webhookId} and its calls' by
 * {@code orgId + NUL + callId} (one NUL: the two never meet), so one {@code insertMany} claims them all and one bulk
 * write marks them published; {@code quarantined_webhooks} is keyed by {@code userId + NUL + webhookId}. All are
 * forgotten after the dedup TTL (TTL index on {@code createdAt}, created at start-up). Keying by {@code _id} makes its
 * unique index the claim's uniqueness and every hot read and update a filter on {@code _id} alone, on MongoDB and on
 * mongo-java-server alike (the stand-in uses an index only for an equality filter on exactly its keys, and scans the
 * whole collection for anything more). The conditional take-over and release add owner and state to the filter, so
 * the stand-in scans for those; they only run for stale claims and failed publishes.
 *
 * <p>An erased call's claim ({@link #markErased}) has no {@code createdAt}, so the TTL index never removes it: the
 * mark outlives the dedup window for as long as the database lives, and {@code calls.erased} (compacted, never
 * tombstoned) restores it if the database is rebuilt. It holds the ids only, nothing of the call. Its
 * {@code erasedAt} outranks {@code state}: the publish mark of a delivery in flight when the call was erased may still
 * set {@code state}, and the claim stays erased without that mark's filter having to read the state.
 *
 * <p>Webhook claims made before they joined {@code call_claims} are in {@code webhook_deliveries}, no longer read: a
 * retry of such a delivery claims its webhook id again and finds its calls' claims published, so it is still answered
 * as a duplicate; that collection's TTL index empties it, and it can be dropped after the dedup TTL.
 *
 * <p>Call claims made before call ids were per organization are keyed by the bare (per-user) call id: nothing looks
 * them up any more and the TTL removes them. Nothing had shipped, so no delivery depends on them.
 */
@Repository
class MongoClaimRepository implements ClaimRepository {
    static final String DELIVERIES = "call_claims";
    static final String QUARANTINED = "quarantined_webhooks";
    private static final String WEBHOOK_ID_PREFIX = "webhook\u0000";

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> quarantined;

    MongoClaimRepository(MongoTemplate mongo, IngestProperties properties) {
        this.deliveries = mongo.getCollection(DELIVERIES);
        this.quarantined = mongo.getCollection(QUARANTINED);
        createIndexes(properties.dedupTtl());
    }

    private void createIndexes(Duration ttl) {
        // Uniqueness lived in these before claims were keyed by _id; left in place they would reject new claims that
        // an _id lookup can't find, so they go.
        dropIndex(deliveries, "callId_unique");
        IndexOptions expiry = new IndexOptions().expireAfter(ttl.toSeconds(), TimeUnit.SECONDS).name("createdAt_ttl");
        deliveries.createIndex(Indexes.ascending("createdAt"), expiry);
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
        Document claim = pending(key, owner, callIds, now);
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
    public Set<ClaimKey> insertAllPending(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds, String owner,
                                          Instant now) {
        Set<ClaimKey> taken = new HashSet<>();
        for (Map.Entry<MongoCollection<Document>, List<ClaimKey>> group : byCollection(keys).entrySet()) {
            List<ClaimKey> grouped = group.getValue();
            List<Document> claims = grouped.stream().map(key -> pending(key, owner, callIds.apply(key), now)).toList();
            try {
                group.getKey().insertMany(claims, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    taken.add(grouped.get(error.getIndex()));
                }
            }
        }
        return taken;
    }

    @Override
    public Optional<Claim> find(ClaimKey key) {
        return Optional.ofNullable(collection(key).find(filter(key)).first()).map(document -> toClaim(key, document));
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
        UpdateOneModel<Document> update = publishing(key, callIds);
        collection(key).updateOne(update.getFilter(), update.getUpdate());
    }

    @Override
    public void markAllPublished(List<ClaimKey> keys, Function<ClaimKey, List<String>> callIds) {
        for (Map.Entry<MongoCollection<Document>, List<ClaimKey>> group : byCollection(keys).entrySet()) {
            group.getKey().bulkWrite(group.getValue().stream().map(key -> publishing(key, callIds.apply(key))).toList(),
                    new BulkWriteOptions().ordered(false));
        }
    }

    private static UpdateOneModel<Document> publishing(ClaimKey key, List<String> callIds) {
        return new UpdateOneModel<>(filter(key),
                Updates.combine(Updates.set("state", stateName(Claim.State.PUBLISHED)), Updates.set("callIds", callIds)));
    }

    @Override
    public void markErased(ClaimKey key, Instant at) {
        Document erased = keyDocument(key).append("state", stateName(Claim.State.ERASED)).append("owner", "erasure")
                .append("claimedAt", Date.from(at)).append("erasedAt", Date.from(at)).append("callIds", List.of(key.id()));
        collection(key).replaceOne(filter(key), erased, new ReplaceOptions().upsert(true));
    }

    @Override
    public void release(ClaimKey key, String owner) {
        collection(key).deleteOne(Filters.and(filter(key), Filters.eq("owner", owner),
                Filters.eq("state", stateName(Claim.State.PENDING))));
    }

    private MongoCollection<Document> collection(ClaimKey key) {
        return key.kind() == ClaimKey.Kind.QUARANTINE ? quarantined : deliveries;
    }

    private Map<MongoCollection<Document>, List<ClaimKey>> byCollection(List<ClaimKey> keys) {
        Map<MongoCollection<Document>, List<ClaimKey>> groups = new LinkedHashMap<>();
        keys.forEach(key -> groups.computeIfAbsent(collection(key), c -> new ArrayList<>()).add(key));
        return groups;
    }

    private static Document pending(ClaimKey key, String owner, List<String> callIds, Instant now) {
        return keyDocument(key)
                .append("state", stateName(Claim.State.PENDING))
                .append("owner", owner)
                .append("claimedAt", Date.from(now))
                .append("createdAt", Date.from(now))
                .append("callIds", callIds);
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
        String id = key.scope() + '\u0000' + key.id();
        return key.kind() == ClaimKey.Kind.WEBHOOK ? WEBHOOK_ID_PREFIX + id : id;
    }

    private static Bson filter(ClaimKey key) {
        return Filters.eq("_id", id(key));
    }

    private static Claim toClaim(ClaimKey key, Document document) {
        Claim.State state = document.containsKey("erasedAt") ? Claim.State.ERASED
                : Claim.State.valueOf(document.getString("state").toUpperCase(Locale.ROOT));
        return new Claim(key, state,
                document.getString("owner"),
                document.getDate("claimedAt").toInstant(),
                document.getList("callIds", String.class));
    }

    private static String stateName(Claim.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
