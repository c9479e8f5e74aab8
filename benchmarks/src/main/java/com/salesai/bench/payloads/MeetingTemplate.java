package com.salesai.bench.payloads;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A fathom-meeting body with holes where the recording id goes; {@link #body} fills them without re-serializing. */
public final class MeetingTemplate {
    private final List<byte[]> parts;
    private final int length;

    MeetingTemplate(List<byte[]> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("template has no recording id to replace");
        }
        this.parts = List.copyOf(parts);
        this.length = parts.stream().mapToInt(part -> part.length).sum();
    }

    public byte[] body(long recordingId) {
        byte[] id = Long.toString(recordingId).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + parts.size() * id.length);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.writeBytes(id);
            }
            out.writeBytes(parts.get(i));
        }
        return out.toByteArray();
    }
}
