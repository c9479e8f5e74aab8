package com.salesai.integration.settings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller has no Fathom integration: 404 problem+json. */
public class IntegrationNotFoundException extends ErrorResponseException {
    public IntegrationNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No Fathom integration is configured for this user");
        problem.setTitle("Fathom integration not found");
        return problem;
    }
}
