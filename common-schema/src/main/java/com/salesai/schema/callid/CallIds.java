package com.salesai.schema.callid;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic call ids, so that the same meeting arriving by webhook, by a retried webhook, by historical import,
 * by the catch-up sync or through the webhooks of several members is one call. They are name-based UUIDs (version 5,
 * SHA-1) in a fixed project namespace; the name is the organization id plus either the Fathom recording key or the
 * call's content.
 */
public final class CallIds {

    /** Never change: every stored call id depends on it. */
    static final UUID NAMESPACE = UUID.fromString("0f48e61f-8123-45dc-9319-138c4f5f9c98");

    private CallIds() {
    }

    /** The call id of a recording; {@code recordingKey} is the Fathom recording id, else the recording url. */
    public static String forRecording(String orgId, String recordingKey) {
        return nameBased(NAMESPACE, name("recording", orgId, recordingKey)).toString();
    }

    /**
     * The call id of a payload without a recording key. The transcript enters as its SHA-256 so the name stays small;
     * any of the parts may be null.
     */
    public static String forContent(String orgId, String title, Instant startTime, String transcriptText) {
        String start = startTime == null ? null : startTime.toString();
        String transcriptHash = transcriptText == null ? null
                : HexFormat.of().formatHex(digest("SHA-256", transcriptText.getBytes(StandardCharsets.UTF_8)));
        return nameBased(NAMESPACE, name("content", orgId, title, start, transcriptHash)).toString();
    }

    /** RFC 9562 version 5: SHA-1 of namespace + name, truncated to 128 bits, with version and variant bits set. */
    static UUID nameBased(UUID namespace, byte[] name) {
        ByteBuffer input = ByteBuffer.allocate(16 + name.length);
        input.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).put(name);
        byte[] hash = digest("SHA-1", input.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    /**
     * Length-prefixes every part ({@code <byte length>:<utf-8>}) so no two different part lists share a name,
     * whatever characters the parts contain; a null part is {@code -}, distinct from the empty string {@code 0:}.
     */
    private static byte[] name(String kind, String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(kind.getBytes(StandardCharsets.US_ASCII));
        for (String part : parts) {
            out.write('|');
            if (part == null) {
                out.write('-');
                continue;
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 and SHA-256.
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
