package com.salesai.integration.importing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The user already has an import running: 409 problem+json. */
class ImportConflictException extends ErrorResponseException {
    ImportConflictException() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "An import is already running for this user; poll its job and retry when it has finished");
        problem.setTitle("Import already running");
        return problem;
    }
}
