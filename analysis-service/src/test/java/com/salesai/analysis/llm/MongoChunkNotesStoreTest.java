package com.salesai.analysis.llm;

import com.salesai.testsupport.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DataMongoTest
@EmbeddedMongo
@Import(MongoChunkNotesStore.class)
class MongoChunkNotesStoreTest {

    @Autowired
    ChunkNotesStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void notesAreKeptPerCallPromptVersionAndChunkAndOnlyForTheSameText() {
        var first = new ChunkNotesStore.Key("call-a", "sales-coach-v2", 0);
        store.save(first, "digest-0", List.of("[00:00:05] Le client décrit ses délais"));

        assertThat(store.find(first, "digest-0")).contains(List.of("[00:00:05] Le client décrit ses délais"));
        assertThat(store.find(first, "another-text")).isEmpty();
        assertThat(store.find(new ChunkNotesStore.Key("call-a", "sales-coach-v2", 1), "digest-0")).isEmpty();
        assertThat(store.find(new ChunkNotesStore.Key("call-a", "sales-coach-v3", 0), "digest-0")).isEmpty();
        assertThat(store.find(new ChunkNotesStore.Key("call-b", "sales-coach-v2", 0), "digest-0")).isEmpty();
    }

    @Test
    void savingAChunkAgainReplacesItsNotes() {
        var key = new ChunkNotesStore.Key("call-c", "sales-coach-v2", 2);
        store.save(key, "old-text", List.of("old"));
        store.save(key, "new-text", List.of("new", "notes"));

        assertThat(store.find(key, "new-text")).contains(List.of("new", "notes"));
        assertThat(mongo.getCollection("chunk_notes").countDocuments(new org.bson.Document("callId", "call-c")))
                .isEqualTo(1);
    }

    @Test
    void createsTheUniqueIndexAtStartUp() {
        assertThat(mongo.indexOps("chunk_notes").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("callId_promptVersion_chunk_unique");
            assertThat(index.isUnique()).isTrue();
        });
    }
}
