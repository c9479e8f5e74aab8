package com.salesai.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 POST over a raw socket that announces its whole body and trickles it, as a hostile sender does: what
 * a test sees is the status the server answered, how long after the request's headers, and how much of the body
 * had been sent by then.
 */
final class SlowUpload implements AutoCloseable {
    private static final int PIECE = 512;

    record Answer(int status, Duration afterHeaders, long bodyBytesSent) {
    }

    private final Socket socket;
    private final AtomicLong sent = new AtomicLong();
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final long headersSentAt;
    private volatile boolean closed;

    private SlowUpload(int port, String path, Map<String, String> headers, byte[] body, int bytesPerSecond)
            throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(1));
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
        daemon("slow-upload-sender", () -> trickle(out, body, bytesPerSecond));
    }

    static SlowUpload start(int port, String path, Map<String, String> headers, byte[] body, int bytesPerSecond)
            throws IOException {
        return new SlowUpload(port, path, headers, body, bytesPerSecond);
    }

    /** The answer's status line; an {@link AssertionError} if none came within {@code timeout}. */
    Answer answer(Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer to the slow upload within " + timeout + ": " + e, e);
        }
    }

    private void trickle(OutputStream out, byte[] body, int bytesPerSecond) {
        long pauseMillis = 1000L * PIECE / bytesPerSecond;
        try {
            for (int offset = 0; offset < body.length && !closed && !answer.isDone(); offset += PIECE) {
                int length = Math.min(PIECE, body.length - offset);
                out.write(body, offset, length);
                out.flush();
                sent.addAndGet(length);
                Thread.sleep(pauseMillis);
            }
        } catch (IOException e) {
            // the server hung up: the listener reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                statusLine.append((char) b);
            }
            Duration after = Duration.ofNanos(System.nanoTime() - headersSentAt);
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no status line: " + statusLine);
            }
            answer.complete(new Answer(Integer.parseInt(parts[1]), after, sent.get()));
        } catch (IOException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
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
}
