package com.salesai.dashboard.review;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

import java.net.URI;

/** {@code PUT /api/calls/{callId}/review}: a manager's review, answered once {@code CallReviewed} is on Kafka. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class ReviewController {

    private final CallReviews reviews;

    ReviewController(CallReviews reviews) {
        this.reviews = reviews;
    }

    @ApiResponse(responseCode = "202", description = "CallReviewed is published (acknowledged by Kafka); the body is "
            + "the review as the call's detail shows it within seconds, with its effective score",
            content = @Content(schema = @Schema(implementation = CallReview.class)))
    @ApiResponse(responseCode = "400", description = "an unknown or repeated criterion, a score outside 1-5, a "
            + "comment or note too long, or neither score nor note; 'field' names it (e.g. scores[0].score)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "a member may not review, not even their own call",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such call in your scope (also for other organizations)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the call has no evaluation to review (pending, failed, skipped, "
            + "metrics-only)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was reviewed, retry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping(path = "/{callId}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reviewCall",
            summary = "Review a call (head_of_sales, admin): scores in place of the AI's and a note; the reviewed "
            + "scores count in the call's effectiveScore, the averages and the trends, the AI's stay visible")
    ResponseEntity<Object> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String callId,
                                  @RequestBody ReviewRequest request) {
        ReviewDecision decision = reviews.review(Caller.from(jwt), callId, request);
        if (decision instanceof ReviewDecision.Accepted accepted) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted.review());
        }
        if (decision instanceof ReviewDecision.Forbidden) {
            return problem(HttpStatus.FORBIDDEN, "Not allowed", "urn:problem:review-not-allowed",
                    "Only a head of sales or an admin reviews calls");
        }
        if (decision instanceof ReviewDecision.NotEvaluated notEvaluated) {
            return problem(HttpStatus.CONFLICT, "Call not evaluated", "urn:problem:call-not-evaluated",
                    "Call " + callId + " is " + notEvaluated.status() + ": there are no scores to review");
        }
        if (decision instanceof ReviewDecision.Invalid invalid) {
            return invalidField(invalid.field(), invalid.detail());
        }
        // Hidden: outside the caller's scope, answered like an unknown call
        throw new NotFoundException("No call " + callId);
    }

    /** A body that is no JSON, or a value of the wrong type: 400, naming the field where Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JacksonException jackson ? path(jackson) : null;
        return field == null
                ? problem(HttpStatus.BAD_REQUEST, "Invalid review", "urn:problem:invalid-field",
                "The body must be a JSON review: {\"scores\":[{\"criterion\",\"score\",\"comment\"}],\"note\"}")
                : invalidField(field, "Field '" + field + "' has a value of the wrong type");
    }

    /** {@code scores[0].score} from Jackson's path, or null when it has none. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static ResponseEntity<Object> invalidField(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid review");
        problem.setType(URI.create("urn:problem:invalid-field"));
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(type));
        return ResponseEntity.status(status).body(problem);
    }
}
