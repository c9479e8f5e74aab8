package com.salesai.dashboard.calls;

import com.salesai.dashboard.access.Caller;
import com.salesai.dashboard.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls in the caller's scope: members see their own, head_of_sales/admin their whole organization. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls")
class CallsController {

    private final CallQueries queries;

    CallsController(CallQueries queries) {
        this.queries = queries;
    }

    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallPage.class)))
    @ApiResponse(responseCode = "400", description = "a query parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping
    @Operation(summary = "List calls (no transcripts), filtered, sorted and paged")
    CallPage list(@AuthenticationPrincipal Jwt jwt,
                  @Parameter(schema = @Schema(allowableValues = {"pending", "evaluated", "failed"}))
                  @RequestParam(required = false) String status,
                  @RequestParam(required = false) String userId,
                  @Parameter(schema = @Schema(allowableValues = {"won", "advanced", "stalled", "lost",
                          "no_decision", "not_a_sales_call"}))
                  @RequestParam(required = false) String outcome,
                  @Parameter(description = "ISO date (inclusive, UTC) or instant") @RequestParam(required = false)
                  String from,
                  @Parameter(description = "ISO date (inclusive, UTC) or instant (exclusive)")
                  @RequestParam(required = false) String to,
                  @Parameter(description = "0..100") @RequestParam(required = false) String minScore,
                  @Parameter(description = "case-insensitive text in title, participant name or email")
                  @RequestParam(required = false) String q,
                  @Parameter(description = "startedAt|overallScore[,asc|desc], default startedAt,desc")
                  @RequestParam(required = false) String sort,
                  @Parameter(description = "0-based, default 0") @RequestParam(required = false) String page,
                  @Parameter(description = "1..100, default 20") @RequestParam(required = false) String size) {
        CallListQuery query = CallListQuery.parse(status, userId, outcome, from, to, minScore, q, sort, page, size);
        return queries.list(Caller.from(jwt), query);
    }

    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such call in your scope (also for other organizations)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{callId}")
    @Operation(summary = "One call with transcript, metrics, evaluation and coaching; 404 outside your scope")
    CallDetail detail(@AuthenticationPrincipal Jwt jwt, @PathVariable String callId) {
        return queries.detail(Caller.from(jwt), callId)
                .orElseThrow(() -> new NotFoundException("No call " + callId));
    }
}
