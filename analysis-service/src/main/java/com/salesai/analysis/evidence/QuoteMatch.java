package com.salesai.analysis.evidence;

/** Where a quote was found: {@code segmentIndex} is null when {@code kind} is NONE. */
record QuoteMatch(Kind kind, Integer segmentIndex, double similarity) {
    enum Kind { EXACT, FUZZY, NONE }

    static final QuoteMatch NONE = new QuoteMatch(Kind.NONE, null, 0);

    boolean found() {
        return kind != Kind.NONE;
    }
}
