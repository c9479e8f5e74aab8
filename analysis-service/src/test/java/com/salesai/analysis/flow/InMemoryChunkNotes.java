package com.salesai.analysis.flow;

import com.salesai.analysis.llm.ChunkNotesStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Chunk notes kept in memory, for tests that run the sales coach without MongoDB. */
final class InMemoryChunkNotes implements ChunkNotesStore {
    private final Map<Key, Map.Entry<String, List<String>>> notes = new ConcurrentHashMap<>();

    @Override
    public Optional<List<String>> find(Key key, String textDigest) {
        return Optional.ofNullable(notes.get(key)).filter(e -> e.getKey().equals(textDigest)).map(Map.Entry::getValue);
    }

    @Override
    public void save(Key key, String textDigest, List<String> chunkNotes) {
        notes.put(key, Map.entry(textDigest, List.copyOf(chunkNotes)));
    }

    @Override
    public void deleteCall(String callId) {
        notes.keySet().removeIf(key -> key.callId().equals(callId));
    }
}
