package com.salesai.integration.fathom;

/** A Fathom call that did not succeed. Messages name the endpoint and status, never the key or a body. */
public class FathomApiException extends RuntimeException {
    private final String endpoint;
    private final int status;

    public FathomApiException(String endpoint, int status, String message) {
        super(message);
        this.endpoint = endpoint;
        this.status = status;
    }

    public FathomApiException(String endpoint, int status, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
