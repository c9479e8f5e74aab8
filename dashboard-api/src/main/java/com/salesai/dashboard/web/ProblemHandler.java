package com.salesai.dashboard.web;

import com.salesai.platform.kafka.KafkaPublishException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** Maps the API's errors to RFC 9457 problem details. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /** A publish Kafka did not acknowledge (an erasure request): nothing happened, the caller may retry. */
    @ExceptionHandler(KafkaPublishException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(KafkaPublishException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not acknowledge the request; nothing was changed, retry later");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    private static ProblemDetail badRequest(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid query parameter");
        problem.setType(URI.create("urn:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
