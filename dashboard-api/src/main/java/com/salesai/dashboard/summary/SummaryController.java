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
    private final LastReviews lastReviews;
    private final Clock clock;

    SummaryController(SummaryDays days, LastReviews lastReviews) {
        this.days = days;
        this.lastReviews = lastReviews;
        this.clock = Clock.systemUTC();
    }

    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DashboardSummary.class)))
    @ApiResponse(responseCode = "400", description = "from/to invalid, from after to, range over 366 days, or team "
            + "over 200 characters",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/dashboard/summary")
    @Operation(operationId = "getDashboardSummary",
            summary = "Calls, scores, outcomes, per-rep table (with each rep's weakest criterion), weekly series, "
            + "per-team figures, criterion averages beside the organization's and the caller's last review",
            description = "A member gets their own figures only (their row, their weeks, their calls' team), the "
                    + "organization's criterion averages as aggregates and the latest review of their own calls.")
    DashboardSummary summary(@AuthenticationPrincipal Jwt jwt,
                             @Parameter(description = "ISO date, inclusive; default to - 29 days")
                             @RequestParam(required = false) String from,
                             @Parameter(description = "ISO date, inclusive; default today (UTC); range ≤ 366 days")
                             @RequestParam(required = false) String to,
                             @Parameter(description = "only calls recorded by this Fathom team (exact name); "
                                     + "teams and lastReview are not narrowed")
                             @RequestParam(required = false) String team) {
        SummaryQuery query = SummaryQuery.parse(from, to, team, LocalDate.now(clock));
        Caller caller = Caller.from(jwt);
        return SummaryAssembler.assemble(query.range(), days.load(caller, query.range(), query.team()),
                lastReviews.of(caller));
    }
}
