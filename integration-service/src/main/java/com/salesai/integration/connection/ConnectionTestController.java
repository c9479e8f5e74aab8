package com.salesai.integration.connection;

import com.salesai.integration.config.CurrentUser;
import com.salesai.integration.config.UserCallSlots;
import com.salesai.integration.fathom.FathomClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "integration")
class ConnectionTestController {
    private static final Logger log = LoggerFactory.getLogger(ConnectionTestController.class);
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private final ConnectionTester tester;
    private final UserCallSlots slots;

    ConnectionTestController(FathomClient fathom, UserCallSlots slots) {
        this.tester = new ConnectionTester(fathom);
        this.slots = slots;
    }

    @PostMapping("/api/integrations/fathom/test")
    @Operation(operationId = "testFathomConnection", summary = "Test a Fathom API key (the settings page's button): "
            + "valid, invalid and rate-limited are all 200 verdicts")
    @ApiResponse(responseCode = "200", description = "the verdict: success with meetingsFound, an invalid key, or "
            + "Fathom's rate limit with retryAfterSeconds",
            content = @Content(schema = @Schema(implementation = ConnectionVerdict.class)))
    @ApiResponse(responseCode = "400", description = "no key, or one over 512 characters",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "a Fathom request of this user is still running",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "502", description = "Fathom is unreachable or failing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ConnectionVerdict test(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ApiKeyRequest request) {
        String userId = CurrentUser.from(jwt).userId();
        try (UserCallSlots.Slot ignored = slots.take(userId)) {
            ConnectionVerdict verdict = tester.test(request.apiKey());
            log.info("Fathom connection test for user {}: success={} ({})", userId, verdict.success(),
                    verdict.message());
            return verdict;
        }
    }
}
