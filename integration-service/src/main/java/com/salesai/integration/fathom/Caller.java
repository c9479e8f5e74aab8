package com.salesai.integration.fathom;

/** Who is waiting for a Fathom call, which decides how long it may wait for a permit and what it leaves to others. */
public enum Caller {
    /** A user's HTTP request: waits at most {@code FATHOM_PERMIT_WAIT}, then answers "Rate limit exceeded". */
    REQUEST,
    /** An import job on its own thread: waits for permits and 429s up to the retry policy's longest wait. */
    IMPORT,
    /** The catch-up sync: waits like an import, but never takes the last permits of a window. */
    SYNC
}
