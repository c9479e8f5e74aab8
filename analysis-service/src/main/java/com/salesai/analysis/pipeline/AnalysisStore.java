package com.salesai.analysis.pipeline;

import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.EventJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Analyses in {@code fathom_analysis.analyses}, unique on (callId, analysisVersion); the index is made at start-up. */
@Component
class AnalysisStore {
    private final MongoTemplate mongo;

    AnalysisStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoredAnalysis.class).createIndex(new Index()
                .on("callId", Sort.Direction.ASC).on("analysisVersion", Sort.Direction.ASC)
                .unique().named("callId_analysisVersion_unique"));
    }

    Optional<CallAnalyzed> find(String callId, String analysisVersion) {
        Query query = Query.query(Criteria.where("callId").is(callId).and("analysisVersion").is(analysisVersion));
        return Optional.ofNullable(mongo.findOne(query, StoredAnalysis.class))
                .map(stored -> EventJson.mapper().readValue(stored.eventJson(), CallAnalyzed.class));
    }

    /** Forgets every analysis of the call, whatever its version (an erased call). */
    void deleteCall(String callId) {
        mongo.remove(Query.query(Criteria.where("callId").is(callId)), StoredAnalysis.class);
    }

    /** Stores {@code analysis} unless another consumer stored one first; returns the analysis that is stored. */
    CallAnalyzed storeIfAbsent(String analysisVersion, CallAnalyzed analysis) {
        var stored = new StoredAnalysis(analysis.callId() + "|" + analysisVersion, analysis.callId(), analysisVersion,
                analysis.mode().name(), analysis.analyzedAt(), EventJson.mapper().writeValueAsString(analysis));
        try {
            mongo.insert(stored);
            return analysis;
        } catch (DuplicateKeyException raced) {
            return find(analysis.callId(), analysisVersion).orElseThrow(() -> raced);
        }
    }
}
