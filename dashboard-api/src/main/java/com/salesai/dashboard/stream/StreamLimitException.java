package com.salesai.dashboard.stream;

/** A stream refused because the caller, or this instance, already holds as many as allowed. */
class StreamLimitException extends RuntimeException {

    private final StreamAdmission.Verdict verdict;

    StreamLimitException(StreamAdmission.Verdict verdict) {
        super(verdict == StreamAdmission.Verdict.USER_LIMIT
                ? "You already have the most live-update connections allowed open: close another tab or window"
                : "This server has the most live-update connections it accepts: retry shortly");
        this.verdict = verdict;
    }

    StreamAdmission.Verdict verdict() {
        return verdict;
    }
}
