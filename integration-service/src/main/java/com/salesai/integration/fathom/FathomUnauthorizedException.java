package com.salesai.integration.fathom;

/** Fathom refused the API key (401/403). */
public final class FathomUnauthorizedException extends FathomApiException {
    public FathomUnauthorizedException(String endpoint, int status) {
        super(endpoint, status, "Fathom rejected the API key on " + endpoint + " (HTTP " + status + ")");
    }
}
