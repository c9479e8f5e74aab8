package com.salesai.dashboard.erasure;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/calls/{callId}}: erasure of one call, answered once {@code CallErased} is on Kafka. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class CallErasureController {

    private final CallErasureRequests requests;

    CallErasureController(CallErasureRequests requests) {
        this.requests = requests;
    }

    /** What a 202 says: the erasure is published; every service applies it within seconds. */
    record ErasureAccepted(String callId, String status) {
    }

    @ApiResponse(responseCode = "202", description = "CallErased is published (acknowledged by Kafka); the call "
            + "leaves list, detail, summary and stream within seconds",
            content = @Content(schema = @Schema(implementation = ErasureAccepted.class)))
    @ApiResponse(responseCode = "404", description = "no such call in your scope (also for other organizations); "
            + "a member may erase only their own calls",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was erased, retry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/{callId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "eraseCall",
            summary = "Erase a call everywhere (personal data): head_of_sales/admin any call of the org, a member "
            + "their own")
    ErasureAccepted erase(@AuthenticationPrincipal Jwt jwt, @PathVariable String callId) {
        return requests.erase(Caller.from(jwt), callId).map(id -> new ErasureAccepted(id, "erasing"))
                .orElseThrow(() -> new NotFoundException("No call " + callId));
    }
}
