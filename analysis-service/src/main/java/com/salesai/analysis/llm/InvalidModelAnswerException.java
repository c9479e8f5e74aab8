package com.salesai.analysis.llm;

/**
 * The model answered, but not with a usable answer. {@link SalesCoach} asks once more; when it escapes, that second
 * answer was invalid too and the call fails without further deliveries.
 */
public class InvalidModelAnswerException extends RuntimeException {
    InvalidModelAnswerException(String message) {
        super(message);
    }

    InvalidModelAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
