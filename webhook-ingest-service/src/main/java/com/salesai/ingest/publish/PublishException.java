package com.salesai.ingest.publish;

import org.apache.kafka.common.errors.RecordTooLargeException;

/** Kafka did not acknowledge in time, or refused the record; nothing may be reported as accepted. */
public class PublishException extends Exception {
    private final String tooLarge;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
        this.tooLarge = tooLargeRecord(cause);
    }

    /**
     * The producer or the broker refused the record for its size: not retriable, the same delivery would be refused
     * again, so the sender must not be told to retry.
     */
    public boolean recordTooLarge() {
        return tooLarge != null;
    }

    /** Kafka's own words on the sizes (never the payload), or null when not {@link #recordTooLarge()}. */
    public String tooLargeDetail() {
        return tooLarge;
    }

    private static String tooLargeRecord(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return String.valueOf(t.getMessage());
            }
        }
        return null;
    }
}
