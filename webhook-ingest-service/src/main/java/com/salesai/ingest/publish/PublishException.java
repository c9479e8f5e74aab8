package com.salesai.ingest.publish;

/** Kafka did not acknowledge in time; nothing may be reported as accepted. */
public class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
