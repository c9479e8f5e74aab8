package com.salesai.schema.crypto;

/** A value or key that cannot be used. Messages may name key ids but never hold key material or plaintext. */
public class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
