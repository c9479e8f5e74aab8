package com.salesai.ingest.webhook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The HTTP answer of each outcome: JSON for 2xx, RFC 9457 problem+json for everything else. */
final class DeliveryResponses {
    private static final String TYPE_PREFIX = "https://salesai.example/problems/webhook-";

    /** The 2xx body. */
    record Receipt(List<String> callIds, boolean duplicate) {
    }

    private DeliveryResponses() {
    }

    static HttpStatus status(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Accepted) {
            return HttpStatus.ACCEPTED;
        }
        if (outcome instanceof DeliveryOutcome.Duplicate) {
            return HttpStatus.OK;
        }
        if (outcome instanceof DeliveryOutcome.UnknownUser) {
            return HttpStatus.NOT_FOUND;
        }
        if (outcome instanceof DeliveryOutcome.Unauthorized) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (outcome instanceof DeliveryOutcome.Unprocessable) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (outcome instanceof DeliveryOutcome.TooLarge || outcome instanceof DeliveryOutcome.RecordTooLarge) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (outcome instanceof DeliveryOutcome.InProgress) {
            return HttpStatus.CONFLICT;
        }
        if (outcome instanceof DeliveryOutcome.TimedOut) {
            return HttpStatus.REQUEST_TIMEOUT;
        }
        if (outcome instanceof DeliveryOutcome.BodyIncomplete) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    /**
     * @param bodyUnread the body was left (partly) unread: the connection is closed once the answer is sent (see
     *                   {@link UnreadBodyDrain}), so the answer says so and the sender does not reuse it
     */
    static ResponseEntity<?> toResponse(DeliveryOutcome outcome, Duration retryAfter, boolean bodyUnread) {
        HttpStatus status = status(outcome);
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            return ResponseEntity.status(status).body(new Receipt(accepted.callIds(), false));
        }
        if (outcome instanceof DeliveryOutcome.Duplicate duplicate) {
            return ResponseEntity.status(status).body(new Receipt(duplicate.callIds(), true));
        }
        ProblemDetail problem = problem(outcome, status);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.CONFLICT) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        if (bodyUnread) {
            builder.header(HttpHeaders.CONNECTION, "close");
        }
        return builder.body(problem);
    }

    private static ProblemDetail problem(DeliveryOutcome outcome, HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (outcome instanceof DeliveryOutcome.UnknownUser) {
            describe(problem, "unknown-user", "Unknown webhook destination",
                    "no active Fathom integration for this user (unknown, disabled or deleted)");
        } else if (outcome instanceof DeliveryOutcome.Unauthorized unauthorized) {
            describe(problem, "signature", "Invalid webhook signature", unauthorized.reason());
            problem.setProperty("reason", unauthorized.reason());
        } else if (outcome instanceof DeliveryOutcome.Unprocessable unprocessable) {
            describe(problem, "unprocessable", "Unrecognized Fathom payload",
                    unprocessable.reason() + " (payload kept on the quarantine topic)");
            problem.setProperty("reason", unprocessable.reason());
        } else if (outcome instanceof DeliveryOutcome.TooLarge tooLarge) {
            describe(problem, "too-large", "Payload too large",
                    "body exceeds the limit of " + tooLarge.limitBytes() + " bytes");
        } else if (outcome instanceof DeliveryOutcome.RecordTooLarge tooLarge) {
            describe(problem, "record-too-large", "Calls too large to publish",
                    "the normalized calls exceed the largest record the event stream accepts; the payload is kept "
                            + "on the quarantine topic; retrying will not help");
            problem.setProperty("reason", tooLarge.reason());
        } else if (outcome instanceof DeliveryOutcome.InProgress inProgress) {
            describe(problem, "in-progress", "Delivery in progress",
                    "another delivery of the same webhook or call is being published; retry later");
            problem.setProperty("callIds", inProgress.callIds());
        } else if (outcome instanceof DeliveryOutcome.TimedOut timedOut) {
            describe(problem, "read-timeout", "Body not received in time",
                    "the body did not arrive within the read timeout (" + timedOut.bytesRead()
                            + " bytes received); nothing was accepted, retry");
        } else if (outcome instanceof DeliveryOutcome.BodyIncomplete incomplete) {
            describe(problem, "incomplete-body", "Incomplete body",
                    "the body ended before its Content-Length (" + incomplete.bytesRead() + " bytes received)");
        } else if (outcome instanceof DeliveryOutcome.Unavailable unavailable) {
            describe(problem, "unavailable", "Temporarily unavailable",
                    unavailable.reason() + "; nothing was accepted, retry later");
        }
        return problem;
    }

    private static void describe(ProblemDetail problem, String type, String title, String detail) {
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        problem.setDetail(detail);
    }
}
