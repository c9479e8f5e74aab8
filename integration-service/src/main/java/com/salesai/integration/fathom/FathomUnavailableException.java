package com.salesai.integration.fathom;

/** Fathom could not be reached, timed out, answered 5xx, or the circuit breaker is open. */
public final class FathomUnavailableException extends FathomApiException {
    public FathomUnavailableException(String endpoint, int status, String message) {
        super(endpoint, status, message);
    }

    public FathomUnavailableException(String endpoint, String message, Throwable cause) {
        super(endpoint, 0, message, cause);
    }
}
