package com.salesai.analysis.metrics;

/** One transcript segment with its speaker identity resolved and its duration estimated. */
record TimedTurn(String speakerKey, String speakerName, String speakerEmail, String text, int words,
                 double startSeconds, double durationSeconds) {
}
