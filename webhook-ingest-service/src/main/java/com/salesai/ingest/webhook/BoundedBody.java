package com.salesai.ingest.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body as raw bytes, never more than the limit plus one byte. */
final class BoundedBody {
    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {
    }

    /** @return the body, or null as soon as it turns out longer than {@code limit} (the rest is left unread) */
    static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        while (true) {
            int wanted = (int) Math.min(buffer.length, limit + 1 - total);
            int n = in.read(buffer, 0, wanted);
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
    }
}
