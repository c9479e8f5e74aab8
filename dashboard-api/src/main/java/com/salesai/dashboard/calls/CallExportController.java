package com.salesai.dashboard.calls;

import com.salesai.dashboard.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/calls/export}: the list's filters, scope and sort, unpaged, as a CSV attachment. Written on the
 * request thread straight to the response, so a long file is neither buffered nor cut by an async timeout.
 */
@RestController
@Tag(name = "calls")
class CallExportController {

    static final String TEXT_CSV = "text/csv;charset=UTF-8";

    private final CallExport export;

    CallExportController(CallExport export) {
        this.export = export;
    }

    @ApiResponse(responseCode = "200", description = "UTF-8 CSV (RFC 4180, with a byte order mark for Excel): the "
            + "list item's fields, then one score_<criterion> column per criterion of the exported calls (1..5, empty "
            + "where a call has none); text cells starting with = + - @ tab or CR are prefixed with '",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "a query parameter is invalid ('parameter' names it), or the "
            + "filters match more calls than app.export.max-rows (type urn:problem:export-too-large)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/calls/export")
    @Operation(operationId = "exportCalls",
            summary = "The filtered list of calls as a CSV file, with each criterion's score as a column")
    @CallFilterParameters
    void export(@AuthenticationPrincipal Jwt jwt, @Parameter(hidden = true) @RequestParam Map<String, String> params,
                HttpServletResponse response) throws IOException {
        Map<String, String> filters = new HashMap<>(params);
        // an export is never paged: the list's paging parameters are ignored, not validated
        filters.remove("page");
        filters.remove("size");
        CallListQuery query = CallListQuery.parse(filters);
        CallExport.Plan plan = export.plan(Caller.from(jwt), query);
        response.setContentType(TEXT_CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName(query)).build().toString());
        export.write(plan, response.getWriter());
    }

    /** {@code calls-<from>-<to>.csv} with the window's UTC dates, {@code start}/{@code now} where it is open. */
    static String fileName(CallListQuery query) {
        String from = query.from() == null ? "start" : utcDate(query.from());
        String to = query.toExclusive() == null ? "now" : utcDate(query.toExclusive().minusNanos(1));
        return "calls-" + from + "-" + to + ".csv";
    }

    private static String utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
