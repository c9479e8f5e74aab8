package com.salesai.platform.crypto;

import com.salesai.schema.crypto.CryptoException;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;

/**
 * Decrypts a value under its AAD and, while {@code APP_CRYPTO_ACCEPT_LEGACY_AAD} is on, under the narrower AAD it
 * was written with before (the webhook secret's v1 {@code userId|webhookSecret}), so values written before an
 * upgrade keep working until the re-encryption pass rewrites them. Once it is off, only the current AAD opens a
 * value: a legacy ciphertext, which does not bind the organization, can no longer be replayed into another one.
 */
public final class AadMigration {
    private final Keyring keyring;
    private final boolean acceptLegacy;

    public AadMigration(Keyring keyring, boolean acceptLegacy) {
        this.keyring = keyring;
        this.acceptLegacy = acceptLegacy;
    }

    /** The plaintext and whether only the legacy AAD opened it (the value then needs re-encrypting). */
    public record Decrypted(String plaintext, boolean legacy) {
        @Override
        public String toString() {
            return "Decrypted[legacy=" + legacy + "]";
        }
    }

    public boolean acceptsLegacy() {
        return acceptLegacy;
    }

    /**
     * @throws CryptoException when neither AAD opens it (the message names the AAD rule, never the value), or for
     *                         an unknown key id or a malformed value
     */
    public Decrypted decrypt(EncryptedValue value, String aad, String legacyAad) {
        try {
            return new Decrypted(keyring.decrypt(value, aad), false);
        } catch (CryptoException current) {
            if (!acceptLegacy || !keyring.knows(value)) {
                throw current;
            }
            try {
                return new Decrypted(keyring.decrypt(value, legacyAad), true);
            } catch (CryptoException legacy) {
                throw new CryptoException("decryption failed under the current and the legacy AAD: wrong key,"
                        + " a value copied from another user or organization, or tampered");
            }
        }
    }

    /** The value under the active key and the current AAD; the same value when it already is. */
    public EncryptedValue reencrypt(EncryptedValue value, String aad, String legacyAad) {
        Decrypted decrypted = decrypt(value, aad, legacyAad);
        return !decrypted.legacy() && keyring.isActive(value) ? value : keyring.encrypt(decrypted.plaintext(), aad);
    }
}
