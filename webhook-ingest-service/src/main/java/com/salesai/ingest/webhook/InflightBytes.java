package com.salesai.ingest.webhook;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-flight byte budget ({@code INGEST_MAX_INFLIGHT_BYTES}): a delivery reserves the length of its body before a
 * byte of it is read and gives it back once it is answered, so the bodies held at once never add up to more than the
 * budget, however many senders there are and however slowly they send. Thread-safe.
 */
final class InflightBytes {
    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    InflightBytes(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the in-flight byte budget must be positive");
        }
        this.limit = limit;
    }

    /** @return the reservation, or empty if it would take the bytes reserved past the budget */
    Optional<Reservation> tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot reserve " + bytes + " bytes");
        }
        long current;
        do {
            current = reserved.get();
            if (bytes > limit - current) {
                return Optional.empty();
            }
        } while (!reserved.compareAndSet(current, current + bytes));
        return Optional.of(new Reservation(bytes));
    }

    /** Bytes reserved right now. */
    long reserved() {
        return reserved.get();
    }

    long limit() {
        return limit;
    }

    /** Bytes held until {@link #close()}; closing twice gives them back once. */
    final class Reservation implements AutoCloseable {
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                reserved.addAndGet(-bytes);
            }
        }
    }
}
