package com.salesai.dashboard.stream;

import com.salesai.dashboard.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live call status changes in the caller's scope, as Server-Sent Events. */
@RestController
@Tag(name = "calls")
class StreamController {

    private final CallStatusHub hub;

    StreamController(CallStatusHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/api/calls/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: 'call-status' events (data: CallStatusEvent) for calls in your scope; "
            + "':heartbeat' comments keep the connection alive; reconnect and re-read the list after a drop",
            responses = @ApiResponse(responseCode = "200", description = "event stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = CallStatusEvent.class))))
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) {
        return hub.subscribe(Caller.from(jwt));
    }
}
