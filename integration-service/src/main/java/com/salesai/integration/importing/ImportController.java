package com.salesai.integration.importing;

import com.salesai.integration.config.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/integrations/fathom/import")
@Tag(name = "import")
class ImportController {
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startFathomImport", summary = "Import past meetings (up to maxMeetings, 1..50, "
            + "default 50; optionally created after createdAfter) in the background; the body may be omitted")
    @ApiResponse(responseCode = "202", description = "the job started; poll it",
            content = @Content(schema = @Schema(implementation = ImportStarted.class)))
    @ApiResponse(responseCode = "400", description = "maxMeetings outside 1..50, or createdAfter not an instant",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "the user has no Fathom integration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "an import of this user is already running",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ImportStarted start(@AuthenticationPrincipal Jwt jwt,
                        @Valid @RequestBody(required = false) ImportRequest request) {
        return new ImportStarted(imports.start(CurrentUser.from(jwt),
                request == null ? new ImportRequest(null, null) : request));
    }

    @GetMapping("/{jobId}")
    @Operation(operationId = "getFathomImport", summary = "An import job's progress: status, requested, imported, "
            + "skippedDuplicates, failed, errors")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportStatusView.class)))
    @ApiResponse(responseCode = "404", description = "no such job for this user (another user's job too)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ImportStatusView status(@AuthenticationPrincipal Jwt jwt, @PathVariable String jobId) {
        return ImportStatusView.of(imports.job(CurrentUser.from(jwt), jobId));
    }
}
