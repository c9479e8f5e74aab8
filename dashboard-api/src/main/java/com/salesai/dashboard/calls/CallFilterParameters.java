package com.salesai.dashboard.calls;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of {@link CallListQuery}'s filters and sort, which the list and its CSV export share (the
 * controllers read them as one map, so springdoc cannot see them).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "status", in = ParameterIn.QUERY,
                schema = @Schema(allowableValues = {"pending", "evaluated", "failed", "skipped"})),
        @Parameter(name = "userId", in = ParameterIn.QUERY, description = "the rep the call is credited to"),
        @Parameter(name = "outcome", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"won", "advanced",
                "stalled", "lost", "no_decision", "not_a_sales_call"})),
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "ISO date (inclusive, UTC) or instant"),
        @Parameter(name = "to", in = ParameterIn.QUERY,
                description = "ISO date (inclusive, UTC) or instant (exclusive)"),
        @Parameter(name = "minScore", in = ParameterIn.QUERY,
                description = "0..100, on effectiveScore (a reviewed call's score counts)"),
        @Parameter(name = "q", in = ParameterIn.QUERY,
                description = "case-insensitive text in title, participant name or email"),
        @Parameter(name = "attribution", in = ParameterIn.QUERY, description = "recorder: the rep recorded the "
                + "call; shared: someone else recorded it and shared it with the rep",
                schema = @Schema(allowableValues = {"recorder", "shared"})),
        @Parameter(name = "team", in = ParameterIn.QUERY, description = "the recorder's Fathom team, exact name"),
        @Parameter(name = "reviewFlag", in = ParameterIn.QUERY, description = "calls carrying this review flag",
                schema = @Schema(example = "possible_prompt_injection")),
        @Parameter(name = "sort", in = ParameterIn.QUERY,
                description = "startedAt|overallScore|effectiveScore[,asc|desc], default startedAt,desc; "
                        + "overallScore is the AI's, effectiveScore the one that counts")})
@interface CallFilterParameters {
}
