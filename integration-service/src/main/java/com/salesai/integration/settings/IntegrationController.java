package com.salesai.integration.settings;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.config.UserCallSlots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own Fathom integration; the user is always the token's {@code sub}, never a parameter. */
@RestController
@RequestMapping("/api/integrations/fathom")
@Tag(name = "integration")
class IntegrationController {
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final IntegrationService integrations;
    private final UserCallSlots slots;
    private final CallsErasureRequests erasure;

    IntegrationController(IntegrationService integrations, UserCallSlots slots, CallsErasureRequests erasure) {
        this.integrations = integrations;
        this.slots = slots;
        this.erasure = erasure;
    }

    @PutMapping
    @Operation(operationId = "saveFathomIntegration", summary = "Save a Fathom API key: tests it, creates the "
            + "webhook, stores key and secret encrypted, replaces the previous webhook; never returns a secret")
    @ApiResponse(responseCode = "200", description = "the integration is active",
            content = @Content(schema = @Schema(implementation = SavedIntegration.class)))
    @ApiResponse(responseCode = "400", description = "no key, a key over 512 characters, or an invalid fathomEmail",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "a Fathom request of this user is still running",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Fathom refused the key; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Fathom's rate limit: retry after Retry-After (also "
            + "retryAfterSeconds)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "502", description = "Fathom is unreachable or failing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retry after Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    SavedIntegration save(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SaveIntegrationRequest request) {
        CurrentUser user = CurrentUser.from(jwt);
        try (UserCallSlots.Slot ignored = slots.take(user.userId())) {
            return integrations.save(user, request);
        }
    }

    @PatchMapping
    @Operation(operationId = "changeFathomEmail", summary = "Correct the email the user records with in Fathom "
            + "(calls are credited by it), keeping the key")
    @ApiResponse(responseCode = "200", description = "the integration with its new fathomEmail",
            content = @Content(schema = @Schema(implementation = IntegrationView.class)))
    @ApiResponse(responseCode = "400", description = "no email, or not an email",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "the user has no Fathom integration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; retry after Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    IntegrationView changeFathomEmail(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody FathomEmailRequest request) {
        return integrations.changeFathomEmail(CurrentUser.from(jwt).userId(), request.fathomEmail());
    }

    @GetMapping
    @Operation(operationId = "getFathomIntegration", summary = "The user's integration: status, webhook, masked "
            + "key, fathomEmail and the recorder check, last import and last catch-up sync")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IntegrationView.class)))
    @ApiResponse(responseCode = "404", description = "the user has no Fathom integration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    IntegrationView get(@AuthenticationPrincipal Jwt jwt) {
        return integrations.view(CurrentUser.from(jwt).userId());
    }

    /** With {@code eraseCalls=true}, every call credited to the member is erased too (see {@link CallsErasureRequests}). */
    @DeleteMapping
    @Operation(operationId = "deleteFathomIntegration", summary = "Delete the integration: the Fathom webhook, "
            + "the stored secrets; with eraseCalls=true every call credited to the user is erased too")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "the user has no Fathom integration; nothing was asked for",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was deleted, retry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt,
                                @Parameter(description = "also erase every call credited to the user")
                                @RequestParam(defaultValue = "false") boolean eraseCalls) {
        CurrentUser user = CurrentUser.from(jwt);
        if (eraseCalls) {
            integrations.view(user.userId()); // 404 before anything is asked for when there is no integration
            erasure.requestFor(user);
        }
        integrations.delete(user.userId());
        return ResponseEntity.noContent().build();
    }
}
