package com.salesai.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body as raw bytes (the signature covers exactly those), never more than it may hold and never past
 * a deadline, checked before every read. A body with a Content-Length goes into one array of that length: Tomcat
 * hands over no more than Content-Length bytes, so a sender can fall short of it (the stream ends, or stalls until
 * the deadline or Tomcat's upload timeout) but never beyond. A body without one (chunked) is read in pieces up to the
 * limit plus one byte, then joined once.
 */
final class BoundedBody {
    private static final int PIECE = 64 * 1024;
    private static final int DISCARD_BUFFER = 8 * 1024;

    /** How a read ended. */
    sealed interface Result {
        /** The whole body. */
        record Complete(byte[] bytes) implements Result {
        }

        /** A body without a Content-Length went past the limit; the rest is left unread. */
        record TooLong() implements Result {
        }

        /** The deadline passed, or a read waited longer than Tomcat's upload timeout. */
        record TimedOut(long bytesRead) implements Result {
        }

        /** The body ended before its Content-Length, or the connection broke. */
        record Ended(long bytesRead) implements Result {
        }
    }

    private BoundedBody() {
    }

    /**
     * @param contentLength the announced length, at most {@code limit}; negative when there is none
     */
    static Result read(InputStream in, long contentLength, long limit, Clock clock, Instant deadline) {
        Reading reading = new Reading(in, clock, deadline);
        if (contentLength >= 0) {
            byte[] body = new byte[Math.toIntExact(contentLength)];
            return reading.fill(body) == body.length ? new Result.Complete(body) : reading.shortfall();
        }
        List<byte[]> pieces = new ArrayList<>();
        while (true) {
            byte[] piece = new byte[(int) Math.min(PIECE, limit + 1 - reading.total)];
            int filled = reading.fill(piece);
            if (reading.total > limit) {
                return new Result.TooLong();
            }
            pieces.add(piece);
            if (filled < piece.length) {
                return reading.ended ? new Result.Complete(join(pieces, (int) reading.total)) : reading.shortfall();
            }
        }
    }

    /**
     * Reads what is left of a body and throws it away as it comes, until it ends or the deadline (checked before
     * every read) passes.
     */
    static void discard(InputStream in, Clock clock, Instant deadline) {
        Reading reading = new Reading(in, clock, deadline);
        byte[] scratch = new byte[DISCARD_BUFFER];
        while (reading.fill(scratch) == scratch.length) {
            // a full buffer: there may be more
        }
    }

    /** The first {@code total} bytes of the pieces, in order (the last one may be partly filled). */
    private static byte[] join(List<byte[]> pieces, int total) {
        byte[] body = new byte[total];
        int offset = 0;
        for (byte[] piece : pieces) {
            int length = Math.min(piece.length, total - offset);
            System.arraycopy(piece, 0, body, offset, length);
            offset += length;
        }
        return body;
    }

    /** One body being read: how much so far, and why it stopped short, if it did. */
    private static final class Reading {
        private final InputStream in;
        private final Clock clock;
        private final Instant deadline;
        private long total;
        /** The stream ended (end of a chunked body, or a sender falling short of its Content-Length). */
        private boolean ended;
        private boolean timedOut;

        Reading(InputStream in, Clock clock, Instant deadline) {
            this.in = in;
            this.clock = clock;
            this.deadline = deadline;
        }

        /** Reads into {@code into} until it is full or the read stops short; returns how many bytes it holds. */
        int fill(byte[] into) {
            int offset = 0;
            while (offset < into.length) {
                if (!clock.instant().isBefore(deadline)) {
                    timedOut = true;
                    return offset;
                }
                int n;
                try {
                    n = in.read(into, offset, into.length - offset);
                } catch (IOException e) {
                    timedOut = isTimeout(e);
                    return offset;
                }
                if (n < 0) {
                    ended = true;
                    return offset;
                }
                offset += n;
                total += n;
            }
            return offset;
        }

        /** What a read that stopped short of the whole body amounts to. */
        Result shortfall() {
            return timedOut ? new Result.TimedOut(total) : new Result.Ended(total);
        }

        /** Tomcat's upload timeout surfaces as a {@link SocketTimeoutException} inside its own exception. */
        private static boolean isTimeout(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }
}
