package com.salesai.dashboard.summary;

import com.salesai.dashboard.access.Caller;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** The dashboard summary over the caller's scope (a member: only their own calls). */
@RestController
@Tag(name = "dashboard")
class SummaryController {

    private final SummaryDays days;
    private final Clock clock;

    SummaryController(SummaryDays days) {
        this.days = days;
        this.clock = Clock.systemUTC();
    }

    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DashboardSummary.class)))
    @ApiResponse(responseCode = "400", description = "from/to invalid, from after to, range over 366 days, or team "
            + "over 200 characters",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/dashboard/summary")
    @Operation(summary = "Calls, scores, outcomes, per-rep table and weekly series for a date range")
    DashboardSummary summary(@AuthenticationPrincipal Jwt jwt,
                             @Parameter(description = "ISO date, inclusive; default to - 29 days")
                             @RequestParam(required = false) String from,
                             @Parameter(description = "ISO date, inclusive; default today (UTC); range ≤ 366 days")
                             @RequestParam(required = false) String to,
                             @Parameter(description = "only calls recorded by this Fathom team (exact name)")
                             @RequestParam(required = false) String team) {
        SummaryQuery query = SummaryQuery.parse(from, to, team, LocalDate.now(clock));
        return SummaryAssembler.assemble(query.range(), days.load(Caller.from(jwt), query.range(), query.team()));
    }
}
