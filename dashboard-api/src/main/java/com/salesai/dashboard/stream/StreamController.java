package com.salesai.dashboard.stream;

import com.salesai.dashboard.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;

/** Live call status changes in the caller's scope, as Server-Sent Events. */
@RestController
@Tag(name = "calls")
class StreamController {

    private static final String RETRY_AFTER_SECONDS = "30";

    private final CallStatusHub hub;

    StreamController(CallStatusHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/calls/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamCallStatus",
            summary = "Server-Sent Events: 'call-status' events (data: CallStatusEvent) for calls in your scope; "
            + "':heartbeat' comments keep the connection alive; reconnect and re-read the list after a drop",
            responses = @ApiResponse(responseCode = "200", description = "event stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = CallStatusEvent.class))))
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) {
        return hub.subscribe(Caller.from(jwt), jwt.getExpiresAt());
    }

    /** 429 as problem+json, whatever the stream's own media type. */
    @ExceptionHandler(StreamLimitException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(StreamLimitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many live-update connections");
        problem.setType(URI.create("urn:problem:too-many-streams"));
        problem.setProperty("limit", e.verdict() == StreamAdmission.Verdict.USER_LIMIT ? "user" : "instance");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
