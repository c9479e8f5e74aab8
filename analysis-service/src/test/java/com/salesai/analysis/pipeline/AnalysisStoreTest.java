package com.salesai.analysis.pipeline;

import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.TokenUsage;
import com.salesai.testsupport.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DataMongoTest
@EmbeddedMongo
@Import(AnalysisStore.class)
class AnalysisStoreTest {

    @Autowired
    AnalysisStore store;

    @Autowired
    MongoTemplate mongo;

    private static CallAnalyzed analysis(String callId) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return new CallAnalyzed(1, UUID.randomUUID(), now, callId, "org-1", "user-1", AnalysisMode.METRICS_ONLY,
                ConversationMetrics.unavailable("no transcript segments"), null, null, null, TokenUsage.NONE, null, false, now,
                null, java.util.List.of(), false, 0);
    }

    @Test
    void theFirstStoredAnalysisWinsPerCallAndVersion() {
        CallAnalyzed first = analysis("call-a");
        assertThat(store.storeIfAbsent("sales-coach-v1", first)).isEqualTo(first);
        // a concurrent consumer that finished second gets the stored result back, not its own
        assertThat(store.storeIfAbsent("sales-coach-v1", analysis("call-a"))).isEqualTo(first);
        assertThat(store.find("call-a", "sales-coach-v1")).contains(first);

        assertThat(store.find("call-a", "sales-coach-v2")).isEmpty();
        CallAnalyzed otherVersion = analysis("call-a");
        assertThat(store.storeIfAbsent("sales-coach-v2", otherVersion)).isEqualTo(otherVersion);
    }

    @Test
    void createsTheUniqueIndexAtStartUp() {
        assertThat(mongo.indexOps(StoredAnalysis.class).getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("callId_analysisVersion_unique");
                    assertThat(index.isUnique()).isTrue();
                });
    }
}
