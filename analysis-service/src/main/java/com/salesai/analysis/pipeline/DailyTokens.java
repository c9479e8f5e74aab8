package com.salesai.analysis.pipeline;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The LLM tokens each org's calls spent per UTC day, in {@code fathom_analysis.org_daily_tokens} (one document per
 * org and day, {@code _id} {@code orgId|day}), for the daily budget of the org's analysis settings.
 */
@Component
class DailyTokens {
    static final String COLLECTION = "org_daily_tokens";
    private final MongoTemplate mongo;

    DailyTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long spent(String orgId, LocalDate day) {
        var stored = mongo.findOne(byId(orgId, day), org.bson.Document.class, COLLECTION);
        return stored == null ? 0 : ((Number) stored.getOrDefault("tokens", 0L)).longValue();
    }

    void add(String orgId, LocalDate day, long tokens) {
        if (tokens > 0) {
            mongo.upsert(byId(orgId, day), new Update().inc("tokens", tokens).set("orgId", orgId)
                    .set("day", day.toString()), COLLECTION);
        }
    }

    private static Query byId(String orgId, LocalDate day) {
        return Query.query(Criteria.where("_id").is(orgId + "|" + day));
    }
}
