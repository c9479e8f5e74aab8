package com.salesai.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 POST over a raw socket whose body is trickled, as a slow or hostile sender sends it, so that a test
 * sees when the answer comes, how much of the body had been sent by then, and when the server hangs up.
 */
public final class SlowUpload implements AutoCloseable {
    private static final int PIECE = 512;

    /** The status line and headers of the answer, how long after the request's headers, and the body sent by then. */
    public record Answer(int status, Map<String, String> headers, Duration afterHeaders, long bodyBytesSent) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final Socket socket;
    private final long headersSentAt;
    private final AtomicLong sent = new AtomicLong();
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final CompletableFuture<Duration> hangUp = new CompletableFuture<>();
    private volatile boolean closed;

    /** Sends the whole {@code body} (its length as Content-Length) at {@code bytesPerSecond}. */
    public static SlowUpload trickle(int port, String path, Map<String, String> headers, byte[] body, int bytesPerSecond)
            throws IOException {
        return new SlowUpload(port, path, headers, body, body.length, bytesPerSecond);
    }

    /** Announces the whole {@code body}, sends its first {@code sendOnly} bytes at once, then nothing. */
    public static SlowUpload stall(int port, String path, Map<String, String> headers, byte[] body, int sendOnly)
            throws IOException {
        return new SlowUpload(port, path, headers, body, sendOnly, Integer.MAX_VALUE);
    }

    private SlowUpload(int port, String path, Map<String, String> headers, byte[] body, long sendOnly,
                       int bytesPerSecond) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(2));
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        headersSentAt = System.nanoTime();
        daemon("slow-upload-listener", this::listen);
        daemon("slow-upload-sender", () -> send(out, body, sendOnly, bytesPerSecond));
    }

    /** @throws AssertionError if no answer came within {@code timeout}, or the server hung up without one */
    public Answer answer(Duration timeout) {
        return await(answer, timeout, "an answer");
    }

    /** How long after the request's headers the server closed the connection. */
    public Duration hangUp(Duration timeout) {
        return await(hangUp, timeout, "the server to hang up");
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    private void send(OutputStream out, byte[] body, long sendOnly, int bytesPerSecond) {
        long pauseMillis = 1000L * PIECE / bytesPerSecond;
        try {
            for (int offset = 0; offset < sendOnly && !closed && !hangUp.isDone(); offset += PIECE) {
                int length = (int) Math.min(PIECE, sendOnly - offset);
                out.write(body, offset, length);
                out.flush();
                sent.addAndGet(length);
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException e) {
            // the server hung up, which the listener sees too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (endsWithBlankLine(head.toByteArray())) {
                    answer.complete(parse(head.toString(StandardCharsets.ISO_8859_1), sent.get()));
                    break;
                }
            }
            while (in.read() >= 0) {
                // the rest of the answer, up to the server closing the connection
            }
        } catch (IOException e) {
            // a reset connection is a hang-up too
        } finally {
            answer.completeExceptionally(new EOFException("the server hung up without an answer"));
            hangUp.complete(Duration.ofNanos(System.nanoTime() - headersSentAt));
        }
    }

    private Answer parse(String head, long bodyBytesSent) {
        Duration after = Duration.ofNanos(System.nanoTime() - headersSentAt);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, after, bodyBytesSent);
    }

    private static boolean endsWithBlankLine(byte[] bytes) {
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + timeout + " for " + what);
        } catch (ExecutionException e) {
            throw new AssertionError("waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
