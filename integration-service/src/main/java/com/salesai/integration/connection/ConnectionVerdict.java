package com.salesai.integration.connection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of the settings page's "test connection": always a 200, success or not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionVerdict(boolean success, String message, Integer meetingsFound, Long retryAfterSeconds) {

    public static final String SUCCESS = "Connection successful - API key is valid";
    public static final String INVALID_KEY = "Invalid API key - please check your credentials";
    public static final String RATE_LIMITED = "Rate limit exceeded";

    static ConnectionVerdict valid(int meetingsFound) {
        return new ConnectionVerdict(true, SUCCESS, meetingsFound, null);
    }

    static ConnectionVerdict invalidKey() {
        return new ConnectionVerdict(false, INVALID_KEY, null, null);
    }

    static ConnectionVerdict rateLimited(long retryAfterSeconds) {
        return new ConnectionVerdict(false, RATE_LIMITED, null, retryAfterSeconds);
    }
}
