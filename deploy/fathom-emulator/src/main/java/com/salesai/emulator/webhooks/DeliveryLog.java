package com.salesai.emulator.webhooks;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Every delivery attempt, the latest {@value #CAPACITY}, so a test can see retries happen. */
@Component
class DeliveryLog {
    static final int CAPACITY = 2_000;
    private final Deque<Attempt> attempts = new ArrayDeque<>();

    /** @param attempt 1 for the first delivery of a message, 2 for its first retry, ... */
    record Attempt(String webhookId, String webhookMessageId, String destinationUrl, int attempt, int status,
                   String error, Instant at) {
    }

    synchronized void add(Attempt attempt) {
        if (attempts.size() == CAPACITY) {
            attempts.removeFirst();
        }
        attempts.addLast(attempt);
    }

    /** Oldest first; only those of one message when {@code messageIdOrNull} is given. */
    synchronized List<Attempt> list(String messageIdOrNull) {
        return attempts.stream().filter(a -> messageIdOrNull == null || a.webhookMessageId().equals(messageIdOrNull))
                .toList();
    }

    synchronized void clear() {
        attempts.clear();
    }
}
