package com.salesai.platform.kafka;

/**
 * Kafka refused a record or did not acknowledge it in time (or the wait was interrupted): nothing may be reported
 * as published. The cause is Kafka's own exception (a {@code RecordTooLargeException}, a
 * {@code java.util.concurrent.TimeoutException}...), so callers can tell a record that will never fit from an
 * outage ({@link OutageRetry#isTransient}).
 */
public class KafkaPublishException extends RuntimeException {

    KafkaPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
