package com.salesai.integration.importing;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Jobs ({@code import_jobs}) and the one-running-import-per-user lock ({@code import_locks}, _id = userId). The
 * calls already published are {@code calls.KnownCalls}'.
 */
@Component
class ImportStore implements InitializingBean {
    static final String LOCKS = "import_locks";

    private final MongoTemplate mongo;

    ImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ImportJob.class).createIndex(new Index().on("userId", Sort.Direction.ASC)
                .on("startedAt", Sort.Direction.DESC));
    }

    ImportJob create(ImportJob job) {
        return mongo.insert(job);
    }

    Optional<ImportJob> find(String jobId) {
        return Optional.ofNullable(mongo.findById(jobId, ImportJob.class));
    }

    /** @return whether this job now holds the user's lock (a lock older than {@code ttl} is taken over) */
    boolean tryLock(String userId, String jobId, Instant now, Duration ttl) {
        try {
            mongo.insert(new Document("_id", userId).append("jobId", jobId).append("lockedAt", now), LOCKS);
            return true;
        } catch (DuplicateKeyException held) {
            Document takenOver = mongo.findAndModify(
                    query(where("_id").is(userId).and("lockedAt").lt(now.minus(ttl))),
                    Update.update("jobId", jobId).set("lockedAt", now),
                    FindAndModifyOptions.options().returnNew(true), Document.class, LOCKS);
            return takenOver != null;
        }
    }

    boolean locked(String userId, Instant now, Duration ttl) {
        return mongo.exists(query(where("_id").is(userId).and("lockedAt").gte(now.minus(ttl))), LOCKS);
    }

    void unlock(String userId, String jobId) {
        mongo.remove(query(where("_id").is(userId).and("jobId").is(jobId)), LOCKS);
    }

    void count(String jobId, String counter, String error) {
        Update update = new Update().inc(counter, 1);
        if (error != null) {
            update.push("errors", error);
        }
        mongo.updateFirst(query(where("_id").is(jobId)), update, ImportJob.class);
    }

    void finish(String jobId, ImportJob.Status status, String error, Instant now) {
        Update update = Update.update("status", status).set("finishedAt", now);
        if (error != null) {
            update.push("errors", error);
        }
        mongo.updateFirst(query(where("_id").is(jobId)), update, ImportJob.class);
    }
}
