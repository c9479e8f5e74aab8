package com.salesai.analysis.llm;

import java.util.List;
import java.util.Optional;

/**
 * Notes already taken on one chunk of a long call, kept per (callId, promptVersion, chunk) so that a retried
 * analysis does not pay for its chunk requests again. {@code textDigest} identifies the chunk's text: notes taken on
 * a different text (the call was recorded again with another transcript) are not reused.
 */
public interface ChunkNotesStore {

    Optional<List<String>> find(Key key, String textDigest);

    void save(Key key, String textDigest, List<String> notes);

    /** Forgets every note of the call (an erased call), whatever its prompt version and chunk. */
    void deleteCall(String callId);

    record Key(String callId, String promptVersion, int chunk) {
    }
}
