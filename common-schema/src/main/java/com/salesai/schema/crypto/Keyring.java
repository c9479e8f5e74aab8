package com.salesai.schema.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * AES-256 keys by id: encrypts with the active key, decrypts with any, so rotation is "add a key, make it active,
 * re-encrypt, later drop the old one". Thread-safe. Never prints key material.
 */
public final class Keyring {
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = EncryptedValue.TAG_BYTES * 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    private Keyring(Map<String, SecretKeySpec> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * @param keysSpec    {@code id1:<base64 32 bytes>,id2:<base64 32 bytes>}, whitespace around entries ignored
     * @param activeKeyId the id new values are encrypted with
     * @throws CryptoException naming the offending key id, never the key
     */
    public static Keyring parse(String keysSpec, String activeKeyId) {
        if (keysSpec == null || keysSpec.isBlank()) {
            throw new CryptoException("keyring spec is empty: expected id1:<base64 32 bytes>,id2:...");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String[] entries = keysSpec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!EncryptedValue.KEY_ID.matcher(id).matches()) {
                // Not echoed: without a colon the "id" would be the key itself.
                throw new CryptoException("keyring entry #" + (i + 1)
                        + " has no valid key id: expected <id>:<base64>, id of 1 to 64 of [A-Za-z0-9_-]");
            }
            if (keys.containsKey(id)) {
                throw new CryptoException("duplicate key id '" + id + "' in keyring");
            }
            keys.put(id, new SecretKeySpec(decodeKey(id, entry.substring(colon + 1).strip()), "AES"));
        }
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new CryptoException("active key id is blank");
        }
        String active = activeKeyId.strip();
        if (!keys.containsKey(active)) {
            throw new CryptoException("active key id '" + active + "' is not in the keyring " + keys.keySet());
        }
        return new Keyring(keys, active);
    }

    /** A ring of one fresh random key, for dev mode. */
    public static Keyring generate(String keyId) {
        return parse(generateKeySpec(keyId), keyId);
    }

    /** {@code keyId:<base64 of 32 random bytes>}, one entry of a keys spec. */
    public static String generateKeySpec(String keyId) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The keys spec of this ring, key material included: lets the local stack hand one generated ring to both
     * services. Treat the result as a secret.
     */
    public String spec() {
        StringJoiner spec = new StringJoiner(",");
        keys.forEach((id, key) -> spec.add(id + ":" + Base64.getEncoder().encodeToString(key.getEncoded())));
        return spec.toString();
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Whether the key that made this value is in the ring. */
    public boolean knows(EncryptedValue value) {
        return keys.containsKey(value.keyId());
    }

    public boolean isActive(EncryptedValue value) {
        return activeKeyId.equals(value.keyId());
    }

    /** Encrypts under the active key with a fresh random IV, so equal plaintexts give different values. */
    public EncryptedValue encrypt(String plaintext, String aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        byte[] iv = new byte[EncryptedValue.IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[EncryptedValue.IV_BYTES + clear.length + EncryptedValue.TAG_BYTES];
        System.arraycopy(iv, 0, payload, 0, iv.length);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), payload);
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(clear, 0, clear.length, payload, EncryptedValue.IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("encryption failed", e);
        }
        return new EncryptedValue(activeKeyId, payload);
    }

    /** @throws CryptoException for an unknown key id, or a wrong key, a wrong AAD or a tampered value */
    public String decrypt(EncryptedValue value, String aad) {
        Objects.requireNonNull(aad, "aad");
        SecretKeySpec key = keys.get(value.keyId());
        if (key == null) {
            throw new CryptoException("unknown key id '" + value.keyId() + "': not in the keyring " + keys.keySet()
                    + "; was a retired key removed before its values were re-encrypted?");
        }
        byte[] payload = value.payloadView();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, payload);
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(payload, EncryptedValue.IV_BYTES, payload.length - EncryptedValue.IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CryptoException("decryption failed: wrong key, wrong AAD or tampered value");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("decryption failed", e);
        }
    }

    /**
     * The value under the active key; the same value if it already is. Rotating needs the AAD, since the value is
     * decrypted and encrypted again.
     */
    public EncryptedValue reencrypt(EncryptedValue value, String aad) {
        return isActive(value) ? value : encrypt(decrypt(value, aad), aad);
    }

    @Override
    public String toString() {
        return "Keyring[active=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }

    private static byte[] decodeKey(String id, String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("key '" + id + "' is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new CryptoException("key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256), got " + key.length);
        }
        return key;
    }

    /** A fresh Cipher per call: Cipher is stateful and not thread-safe. The IV is the payload's first 12 bytes. */
    private static Cipher cipher(int mode, SecretKeySpec key, byte[] payload) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, payload, 0, EncryptedValue.IV_BYTES));
        return cipher;
    }
}
