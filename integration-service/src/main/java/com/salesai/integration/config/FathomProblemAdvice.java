package com.salesai.integration.config;

import com.salesai.integration.fathom.FathomApiException;
import com.salesai.integration.fathom.FathomRateLimitedException;
import com.salesai.integration.fathom.FathomUnauthorizedException;
import com.salesai.platform.kafka.KafkaPublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Fathom failures that reach an endpoint: a rejected key is the caller's problem (422), a 429 is passed on with
 * its wait, anything else means Fathom is unreachable or failing (502).
 */
@RestControllerAdvice
class FathomProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(FathomProblemAdvice.class);
    static final String INVALID_KEY = "Invalid API key - please check your credentials";

    @ExceptionHandler(FathomUnauthorizedException.class)
    ProblemDetail invalidKey(FathomUnauthorizedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_KEY);
        problem.setTitle("Invalid Fathom API key");
        return problem;
    }

    @ExceptionHandler(FathomRateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(FathomRateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded");
        problem.setProperty("retryAfterSeconds", e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds())).body(problem);
    }

    /** Not Fathom's, but the one other dependency an endpoint waits on: Kafka did not acknowledge, nothing changed. */
    @ExceptionHandler(KafkaPublishException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(KafkaPublishException e) {
        log.warn("Kafka did not acknowledge: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not acknowledge the request; nothing was changed, retry later");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(FathomApiException.class)
    ProblemDetail fathomFailed(FathomApiException e) {
        log.warn("Fathom call {} failed: {}", e.endpoint(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "Fathom is unreachable or failing: " + e.getMessage());
        problem.setTitle("Fathom API error");
        return problem;
    }
}
