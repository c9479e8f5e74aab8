package com.salesai.dashboard.projection;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** An index of an earlier version under a name now used with other keys would make createIndex fail: dropped first. */
class CallRecordIndexesTest {

    @Test
    void theStartTimeIndexesWithoutTheTieBreakerAreDroppedAndTheOthersKept() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        IndexOperations indexes = mock(IndexOperations.class);
        when(mongo.indexOps(CallRecord.class)).thenReturn(indexes);
        when(indexes.getIndexInfo()).thenReturn(List.of(info("_id_"), info("org_startedAt"),
                info("org_user_startedAt"), info("org_status_startedAt"), info("org_user_reviewAt")));
        when(indexes.createIndex(any(IndexDefinition.class))).thenReturn("created");

        new CallRecordIndexes(mongo).afterSingletonsInstantiated();

        verify(indexes).dropIndex("org_startedAt");
        verify(indexes).dropIndex("org_user_startedAt");
        verify(indexes).dropIndex("org_status_startedAt");
        verify(indexes, never()).dropIndex("_id_");
        verify(indexes, never()).dropIndex("org_user_reviewAt");
        assertThat(CallRecordIndexes.SUPERSEDED).hasSize(3);
    }

    private static IndexInfo info(String name) {
        return new IndexInfo(List.of(), name, false, false, "");
    }
}
