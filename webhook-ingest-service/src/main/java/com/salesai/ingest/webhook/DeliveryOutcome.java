package com.salesai.ingest.webhook;

import java.util.List;

/** What became of a delivery; the controller maps each to its status code. */
sealed interface DeliveryOutcome {

    /** Short name for logs and the {@code ingest.deliveries} counter. */
    String name();

    /** New calls published and acknowledged: 202. */
    record Accepted(List<String> callIds) implements DeliveryOutcome {
        public String name() {
            return "accepted";
        }
    }

    /** Webhook id or every call already published: 200, nothing republished. */
    record Duplicate(List<String> callIds) implements DeliveryOutcome {
        public String name() {
            return "duplicate";
        }
    }

    /** No active integration for the user: 404. */
    record UnknownUser() implements DeliveryOutcome {
        public String name() {
            return "unknown_user";
        }
    }

    /** Missing or invalid signature, stale timestamp: 401. */
    record Unauthorized(String reason) implements DeliveryOutcome {
        public String name() {
            return "unauthorized";
        }
    }

    /** Signed, but not a Fathom payload we understand; quarantined: 422. */
    record Unprocessable(String reason) implements DeliveryOutcome {
        public String name() {
            return "unprocessable";
        }
    }

    /** Body over the limit: 413. */
    record TooLarge(long limitBytes) implements DeliveryOutcome {
        public String name() {
            return "too_large";
        }
    }

    /**
     * The body did not arrive within the read timeout: cut off, nothing decided over it and nothing kept (a partial
     * body carries no verifiable signature); the sender retries the message: 408.
     */
    record TimedOut(long bytesRead) implements DeliveryOutcome {
        public String name() {
            return "read_timeout";
        }
    }

    /** The sender ended the body before its Content-Length, or the connection broke: nothing decided: 400. */
    record BodyIncomplete(long bytesRead) implements DeliveryOutcome {
        public String name() {
            return "incomplete_body";
        }
    }

    /**
     * Signed and understood, but its calls exceed the largest record Kafka accepts; the raw body is quarantined and
     * a retry would be refused the same way: 413, no Retry-After.
     */
    record RecordTooLarge(String reason) implements DeliveryOutcome {
        public String name() {
            return "record_too_large";
        }
    }

    /** Another delivery of the same webhook or call is being published: 409 + Retry-After. */
    record InProgress(List<String> callIds) implements DeliveryOutcome {
        public String name() {
            return "in_progress";
        }
    }

    /**
     * Kafka, the dedup store or the integration view can't take it now, or the in-flight byte budget is spent:
     * 503 + Retry-After.
     */
    record Unavailable(String reason) implements DeliveryOutcome {
        public String name() {
            return "unavailable";
        }
    }
}
