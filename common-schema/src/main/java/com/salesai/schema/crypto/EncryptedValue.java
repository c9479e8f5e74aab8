package com.salesai.schema.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An AES-256-GCM ciphertext and the id of the key that made it. {@code payload} is iv(12) ‖ ciphertext ‖ tag(16).
 * The string form {@code v1:<keyId>:<base64(payload)>} is what gets stored and published. Holds no plaintext, so
 * {@link #toString()} may show it. The payload array is copied in and out, keeping the record immutable.
 */
public record EncryptedValue(String keyId, byte[] payload) {
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String VERSION = "v1";
    private static final Pattern VERSION_LIKE = Pattern.compile("v[0-9]{1,4}");

    public EncryptedValue {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new CryptoException("invalid key id: expected 1 to 64 of [A-Za-z0-9_-]");
        }
        if (payload == null || payload.length < IV_BYTES + TAG_BYTES) {
            throw new CryptoException("encrypted payload too short: needs at least "
                    + (IV_BYTES + TAG_BYTES) + " bytes (iv + tag)");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Read access without a copy, for the keyring's cipher. */
    byte[] payloadView() {
        return payload;
    }

    /**
     * Parses {@code v1:<keyId>:<base64>}. Error messages never echo the input: a misconfigured field might hold a
     * plaintext secret instead of an encrypted one.
     *
     * @throws CryptoException for a bad format, an unknown version, bad base64 or a too-short payload
     */
    public static EncryptedValue parse(String value) {
        if (value == null) {
            throw new CryptoException("encrypted value is missing");
        }
        String[] parts = value.split(":", -1);
        if (parts.length != 3) {
            throw new CryptoException("not an encrypted value: expected v1:<keyId>:<base64>");
        }
        if (!VERSION.equals(parts[0])) {
            throw new CryptoException(VERSION_LIKE.matcher(parts[0]).matches()
                    ? "unsupported encrypted value version '" + parts[0] + "', expected " + VERSION
                    : "not an encrypted value: expected v1:<keyId>:<base64>");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("encrypted value payload is not valid base64");
        }
        return new EncryptedValue(parts[1], payload);
    }

    public String format() {
        return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(payload);
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedValue that
                && keyId.equals(that.keyId) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(payload);
    }
}
