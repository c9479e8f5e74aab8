package com.salesai.integration.settings;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** MongoDB access for {@link StoredIntegration}; conditional updates are keyed by version to survive races. */
@Component
class IntegrationStore implements InitializingBean {
    private final MongoTemplate mongo;

    IntegrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(StoredIntegration.class).createIndex(new Index()
                .on("userId", Sort.Direction.ASC).on("platform", Sort.Direction.ASC).unique());
        mongo.indexOps(StoredIntegration.class).createIndex(new Index().on("pendingPublish", Sort.Direction.ASC));
        mongo.indexOps(StoredIntegration.class).createIndex(new Index().on("orgId", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC));
    }

    Optional<StoredIntegration> find(String userId) {
        return Optional.ofNullable(mongo.findById(StoredIntegration.idOf(userId), StoredIntegration.class));
    }

    StoredIntegration save(StoredIntegration integration) {
        return mongo.save(integration);
    }

    List<StoredIntegration> findAll() {
        return mongo.findAll(StoredIntegration.class);
    }

    List<StoredIntegration> findActive() {
        return mongo.find(query(where("state").is(StoredIntegration.State.ACTIVE)), StoredIntegration.class);
    }

    List<StoredIntegration> findActiveInOrg(String orgId) {
        return mongo.find(query(where("orgId").is(orgId).and("state").is(StoredIntegration.State.ACTIVE)),
                StoredIntegration.class);
    }

    List<StoredIntegration> findPendingPublish() {
        return mongo.find(query(where("pendingPublish").is(true)), StoredIntegration.class);
    }

    /** Clears the outbox marker only if nothing newer was written meanwhile. */
    void markPublished(String id, long version) {
        mongo.updateFirst(query(where("_id").is(id).and("version").is(version)),
                Update.update("pendingPublish", false), StoredIntegration.class);
    }

    /** Removes a deleted integration once its tombstone is out, unless it was re-created meanwhile. */
    void removeDeleted(String id, long version) {
        mongo.remove(query(where("_id").is(id).and("version").is(version)
                .and("state").is(StoredIntegration.State.DELETING)), StoredIntegration.class);
    }

    void recordLastImport(String userId, LastImport lastImport) {
        mongo.updateFirst(query(where("_id").is(StoredIntegration.idOf(userId))),
                Update.update("lastImport", lastImport), StoredIntegration.class);
    }

    /** Keeps the recorder emails seen before when this sync saw no meeting. */
    void recordLastSync(String userId, LastSync lastSync, List<String> recorderEmails) {
        Update update = Update.update("lastSync", lastSync);
        if (!recorderEmails.isEmpty()) {
            update.set("recorderEmailsSeen", recorderEmails);
        }
        mongo.updateFirst(query(where("_id").is(StoredIntegration.idOf(userId))
                .and("state").is(StoredIntegration.State.ACTIVE)), update, StoredIntegration.class);
    }
}
