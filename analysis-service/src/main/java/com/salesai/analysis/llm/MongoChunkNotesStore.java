package com.salesai.analysis.llm;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code fathom_analysis.chunk_notes}: one document per (callId, promptVersion, chunk), whose id is made of the
 * three, so a save is an upsert by id on real MongoDB and on the embedded stand-in alike; the unique index on the
 * three fields states the key for anyone querying the collection.
 */
@Component
class MongoChunkNotesStore implements ChunkNotesStore {
    private final MongoTemplate mongo;

    MongoChunkNotesStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoredChunkNotes.class).createIndex(new Index()
                .on("callId", Sort.Direction.ASC).on("promptVersion", Sort.Direction.ASC).on("chunk", Sort.Direction.ASC)
                .unique().named("callId_promptVersion_chunk_unique"));
    }

    @Override
    public Optional<List<String>> find(Key key, String textDigest) {
        return Optional.ofNullable(mongo.findById(id(key), StoredChunkNotes.class))
                .filter(stored -> stored.textDigest().equals(textDigest))
                .map(StoredChunkNotes::notes);
    }

    @Override
    public void save(Key key, String textDigest, List<String> notes) {
        mongo.save(new StoredChunkNotes(id(key), key.callId(), key.promptVersion(), key.chunk(), textDigest,
                List.copyOf(notes), Instant.now()));
    }

    @Override
    public void deleteCall(String callId) {
        mongo.remove(Query.query(Criteria.where("callId").is(callId)), StoredChunkNotes.class);
    }

    private static String id(Key key) {
        return key.callId() + "|" + key.promptVersion() + "|" + key.chunk();
    }

    @Document(collection = "chunk_notes")
    record StoredChunkNotes(@Id String id, String callId, String promptVersion, int chunk, String textDigest,
                            List<String> notes, Instant storedAt) {
    }
}
