package com.salesai.integration.importing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such job for this user (another user's job is reported the same way). */
class ImportJobNotFoundException extends ErrorResponseException {
    ImportJobNotFoundException(String jobId) {
        super(HttpStatus.NOT_FOUND, problem(jobId), null);
    }

    private static ProblemDetail problem(String jobId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No import job " + jobId + " for this user");
        problem.setTitle("Import job not found");
        return problem;
    }
}
