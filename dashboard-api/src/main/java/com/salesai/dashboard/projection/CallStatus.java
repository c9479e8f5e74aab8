package com.salesai.dashboard.projection;

/**
 * Where a call is in its life: recorded and waiting for analysis, evaluated, analysis failed for good, or skipped
 * (not sent to the LLM by policy, with a skip reason).
 */
public enum CallStatus {
    PENDING("pending"), EVALUATED("evaluated"), FAILED("failed"), SKIPPED("skipped");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    /** The value stored in MongoDB and used in the API. */
    public String wire() {
        return wire;
    }

    public static CallStatus fromWire(String value) {
        for (CallStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + value);
    }
}
