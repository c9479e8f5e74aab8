package com.salesai.analysis.llm;

/** The model answered, but not with a usable evaluation; retryable, a new request may do better. */
public class InvalidModelAnswerException extends RuntimeException {
    InvalidModelAnswerException(String message) {
        super(message);
    }

    InvalidModelAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
